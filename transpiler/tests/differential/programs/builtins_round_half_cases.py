vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.05, 0.15, 0.25, 0.35, 1e16 + 1, 2.5e-5]
for v in vals:
    print(v, round(v), round(v, 1), round(v, 4))
print(round(5), round(-5), round(0), round(10 ** 30))
