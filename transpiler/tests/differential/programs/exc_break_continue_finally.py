seen: list[int] = []
for i in range(10):
    try:
        if i % 3 == 0:
            continue
        if i == 8:
            break
        seen.append(i)
    finally:
        seen.append(-i)
print(seen)

n = 0
while True:
    n += 1
    try:
        if n == 4:
            break
    finally:
        print("finally", n)
print("n =", n)
