# expect: error: `str()` of a `unknown` value is not supported yet
inventory = {}
inventory["apples"] = 5
print(inventory)
