d = {"a": 1, "b": 2, "c": 3}
for k in d:
    d[k] = d[k] + 100
print(d)
total = 0
for k, v in d.items():
    total += v
print(total)
keys = list(d)
for k in keys:
    if d[k] > 101:
        del d[k]
print(d)
e = {"x": 1, "y": 2}
for k in e:
    print("deleting", k)
    del e[k]
