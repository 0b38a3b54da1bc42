x = 10
while x < 5:
    x += 1
else:
    print("else runs even with zero iterations", x)

count = 0
while count < 3:
    count += 1
    try:
        if count == 2:
            continue
    finally:
        print("finally", count)
else:
    print("done", count)
