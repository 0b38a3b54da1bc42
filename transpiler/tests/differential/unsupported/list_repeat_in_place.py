# expect: error: `*=` on a list is not supported yet
xs = [1, 2]
xs *= 2
print(xs)
