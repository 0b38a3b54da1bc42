d = {"b": 1, "a": 2, "c": 3}
print(d, list(d), [k for k in d])
d["a"] = 20
print(d)
del d["b"]
d["b"] = 100
print(d)
for k in d:
    print(k, d[k])
for key, v in d.items():
    print(key, "->", v)
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()))
e: dict[int, str] = {}
for i in [5, 1, 3, 1, 5, 2]:
    e[i] = str(i) * i
print(e)
