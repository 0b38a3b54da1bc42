for n in [149, 150, 151, 250, 350, -250, 0, 999, 5]:
    print(n, round(n, -2), round(n, -1), round(n, 0), round(n, 2))
print(round(123456789, -3), round(-123456789, -5), round(10 ** 20 + 5 * 10 ** 9, -10))
for f in [149.5, 150.0, 2.5e3, -0.5]:
    print(f, round(f, -2), round(f, -1), round(f))
