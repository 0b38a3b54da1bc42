for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (10 ** 20, 7)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.3))
try:
    print(divmod(1, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
