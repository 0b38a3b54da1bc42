a = 2 ** 53 + 1
print(a == float(a), a > float(a), float(a) < a, 10**400 > 1e308, 3 < 3.5, 5 == 5.0, -1 < -0.5 < 0)
x = 7
print(x == 7.0, x < 7.5, x >= 7.0)
