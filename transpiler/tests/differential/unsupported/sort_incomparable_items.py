# expect: error: sorting `dict[str, int]` values is not supported
rows = [{"a": 1}, {"b": 2}]
print(sorted(rows))
