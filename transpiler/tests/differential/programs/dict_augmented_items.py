d: dict[str, list[int]] = {}
d["a"] = [1]
d["a"] += [2]
print(d)
e = {"x": 1.5}
e["x"] *= 2
e["x"] -= 0.5
print(e)
f = {"n": 7}
f["n"] //= 2
f["n"] **= 3
f["n"] %= 5
print(f)
