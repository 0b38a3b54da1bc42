d = {"one": 1, "two": 2, "three": 3, "four": 4}
del d["two"]
print(d)
d["two"] = 22
print(d)
del d["one"]
del d["four"]
d["five"] = 5
d["one"] = 11
print(d, list(d.items()))
for k in ["three", "five"]:
    del d[k]
print(d)
del d["missing"]
