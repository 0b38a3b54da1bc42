base = {"a": 1, "b": 2}
copy = base.copy()
alias = base
alias["c"] = 3
copy["d"] = 4
print(base, copy, alias)
base.update({"a": 10, "e": 5})
print(base, alias)
fresh = dict(base)
fresh["a"] = 0
print(base["a"], fresh["a"])
merged = dict(base)
merged.update(copy)
print(merged)
base.clear()
print(base, alias, len(copy))
