queue = ["5", "x", "10", "0", "2"]
total = 0
processed = 0
while queue:
    item = queue.pop(0)
    try:
        total += 100 // int(item)
    except (ValueError, ZeroDivisionError) as e:
        print("skip", repr(item), "-", e)
        continue
    finally:
        processed += 1
    print("added", item, "total", total)
else:
    print("queue drained")
print(total, processed)
