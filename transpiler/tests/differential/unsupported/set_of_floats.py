# expect: error: sets of `float
s = {1.5, 2.5}
print(s)
