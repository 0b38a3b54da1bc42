# expect: error: `list[int]` values cannot be ordered
print([1, 2, 3] < [1, 2, 4])
