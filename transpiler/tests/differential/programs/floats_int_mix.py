a = 7
b = 2.5
print(a + b, a - b, a * b, a / b, a // b, a % b, b ** 2, a ** 0.5)
q = 9 / 3
print(a / 7, 10 / 4, q, type(q))
print(1 + 0.1 + 0.2, 0.1 + 0.2 + 1)
print(2 ** 0.5 * 2 ** 0.5, 10.0 ** -2)
values = [1.0, 2.0, 3.0, 4.5]
print(sum(values), max(values), min(values), sorted(values), values)
print(float(3), float(-0), float(True), int(7.999), 3 == 3.0, 0.5 < 1)
print(abs(-2.5), abs(-3), -(-4.0))
