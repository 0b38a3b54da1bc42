d = {"a": 1, "b": 2}
del d["a"]
print(d)
del d["a"]
