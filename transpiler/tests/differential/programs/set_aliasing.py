def fill(s: set[int], n: int) -> None:
    for i in range(n):
        s.add(i * i)


a = {100}
b = a
fill(b, 5)
print(a, b)
c = a.copy()
c.add(-1)
print(a, c)
d = set(a)
d.discard(100)
print(a, d)
groups = {"x": {1}, "y": {2}}
g = groups["x"]
g.add(9)
print(groups)
