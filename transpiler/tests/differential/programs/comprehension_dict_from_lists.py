keys = ["x", "y", "z"]
vals = [1, 2, 3]
d = {k: v for k, v in zip(keys, vals)}
print(d)
print({k: v * v for k, v in d.items() if v != 2})
print({i: keys[i] for i in range(len(keys))})
print({w: w.upper() for w in ["a", "b", "a"]})
sq = {n: n ** 2 for n in range(5)}
print(sum(sq.values()), list(sq.keys()), len(sq))
