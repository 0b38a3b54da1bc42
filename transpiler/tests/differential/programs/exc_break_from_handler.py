data = ["3", "4", "x", "5"]
total = 0
for s in data:
    try:
        total += int(s)
    except ValueError:
        print("stopping at", repr(s))
        break
    finally:
        print("visited", s)
else:
    print("all parsed")
print(total)
