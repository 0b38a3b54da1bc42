# expect: error: sets of `frozenset[int]` values are not supported yet
s = {frozenset([1])}
print(s)
