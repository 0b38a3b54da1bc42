values = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 123.456, -123.456, 1e16 + 1, 1e300, -0.0]
for v in values:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, 5))
print(round(7), round(-7, 2), round(True), round(10 ** 20))
print(round(0.125, 2), round(0.375, 2), round(2.5e-8, 8), round(1 / 3, 10))
total = 0
for i in range(10):
    total += round(i / 4)
print("total", total)
print([round(x / 3, 3) for x in range(-3, 4)])
