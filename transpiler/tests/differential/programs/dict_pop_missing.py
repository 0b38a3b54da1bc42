d = {"x": 1, "y": 2, "z": 3}
print(d.pop("y"), d)
print(d.pop("x"), d)
d["w"] = 4
print(d, len(d))
print(d.pop("q"))
