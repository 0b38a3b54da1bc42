pairs = [(7, 2), (8, 4), (-7, 2), (1, 3), (10 ** 18, 7)]
for a, b in pairs:
    q = a / b
    print(a, b, q, a // b, a % b, divmod(a, b))
x = 0
x = x / 4
print(x)
