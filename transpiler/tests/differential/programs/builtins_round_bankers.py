for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675, 0.125, -2.5]:
    print(v, round(v))
for v in [2.675, 1.005, 0.125, 0.375, -1.25, 123.456]:
    print(v, round(v, 2), round(v, 1), round(v, 0))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1550, -2))
print(round(15, -1), round(25, -1), round(7, 3), round(-5, -1))
print(round(123.456, -1), round(3.14159, 4))
