# repr of floats: shortest round-trip text, exponents, signed zero.
values = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789.123, 1e-5, 0.0001, 1.5e300, 2.5e-300, 1 / 3, 2 / 3, 100.0, 1e22, 1e23]
for v in values:
    print(v, str(v), f"{v!r}")
print(0.1 * 3, 1.1 * 1.1, 3.0 * 1.1)
print(10 / 4, 10 / 5, -7 / 2, 1 / 7)
print(2.0 ** 0.5, 4.0 ** 0.5, 2.0 ** -1)
print(float(10 ** 20), float(2 ** 53 + 1))
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.5 % 2)
