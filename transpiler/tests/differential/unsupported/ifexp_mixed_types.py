# expect: error: the branches have different types: `str` and `int`
n = 3
print("none" if n == 0 else n * 2)
