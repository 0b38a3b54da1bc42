vals = [5.5, -2.5]
for v in vals:
    print(v % 2.0, v // 2.0)
print(vals[0] % (vals[1] - vals[1]))
