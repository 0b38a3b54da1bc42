# expect: error: sorting by `Opt[int]` keys is not supported
counts = {"a": 1}
print(sorted(["a", "b"], key=counts.get))
