vals_i = [1, 2, 3]
vals_f = [1.0, 2.5, 3.0]
for i in vals_i:
    for f in vals_f:
        if i == f:
            print(i, "==", f)
        elif i < f:
            print(i, "<", f)
print(1 == 1.0, 10 ** 20 > 1e19, -0.0 == 0)
print(max(vals_f), min(vals_i), sum(vals_f) / len(vals_f))
