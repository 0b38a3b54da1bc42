records = [("x", 2), ("y", 1), ("z", 2), ("w", 1), ("v", 3), ("u", 2)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
by_num_rev = sorted(records, key=lambda r: r[1], reverse=True)
print(by_num_rev)
values = [3, 1, 2, 3, 1, 2]
print(sorted(values), sorted(values, reverse=True))
floats = [2.5, -1.0, 0.0, -0.0, 1e-9]
print(sorted(floats))
print(sorted([True, False, True]))
strs = ["b", "a", "B", "A", "aa", "a"]
print(sorted(strs), sorted(strs, reverse=True))
