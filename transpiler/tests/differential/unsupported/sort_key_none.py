# expect: error: sorting by `None` keys is not supported
xs = [3, 1, 2]
print(sorted(xs, key=lambda x: None))
