# expect: error: unpacking into this target is not supported yet
xs = [1, 2]
xs[0], xs[1] = xs[1], xs[0]
print(xs)
