# expect: error: set() of a dict is not supported yet
d = {"a": 1}
print(set(d))
