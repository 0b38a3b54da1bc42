n = 0
found: list[int] = []
while True:
    n += 1
    if n % 3 == 0:
        continue
    if n > 20:
        break
    if n % 5 == 0:
        found.append(n)
print(n, found)
i = 10
while i > 0:
    i -= 3
    print(i, end=",")
print()
outer = 0
for a in range(5):
    for b in range(5):
        if b > a:
            break
        if (a + b) % 2 == 1:
            continue
        outer += a * b
print(outer)
