xs = [1.5, -2.25, 0.0, 1e300]
for x in xs:
    print(x, x * 2, x / 4, x - 0.5)
print(7 / 2, -7 / 2, 1 / 3 + 1 / 3)
total = 0.0
for x in xs:
    total += x
print("total", total)
print(total / xs[2])
