# expect: error: sets of `float64` values are not supported yet
s = {1.5, 2.5}
print(s)
