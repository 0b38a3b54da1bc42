f = frozenset([3, 1, 2, 9])
s = {2, 9, 40}
print(f, len(f), 9 in f)
print(f | s, s | f)
print(f & s, s & f)
print(f - s, s - f, f ^ s)
print(frozenset(s - s), frozenset(s), set(f))
print(f == frozenset([1, 2, 3, 9]), f.issuperset({1, 2}), f.union([5]))
g = f
g |= {77}
print(f, g)
print(sorted(f), list(f), f.copy())
