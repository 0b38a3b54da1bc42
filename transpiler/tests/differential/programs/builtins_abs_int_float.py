for v in [-5, 0, 7, -(2 ** 70)]:
    print(v, abs(v), float(v), str(v))
for f in [-2.5, 0.0, -0.0, 3.75]:
    print(f, abs(f), int(f))
print(int("  -42 "), int("+7"), float(2 ** 10), float(False))
print(abs(-True), int(9.99999))
a = abs(-3)
b = abs(-3.0)
print(type(a), type(b))
