# expect: error: sorting `tuple[int, str]` values is not supported yet
items = [(2, "b"), (1, "z")]
print(sorted(items))
