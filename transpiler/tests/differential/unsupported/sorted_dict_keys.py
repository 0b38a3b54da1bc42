# expect: error: iterating over a `dict[str, int]` value is not supported yet
d = {"b": 1, "a": 2}
print(sorted(d))
