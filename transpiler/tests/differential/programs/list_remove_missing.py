xs = [3, 1, 4, 1, 5, 9, 2, 6]
xs.remove(1)
print(xs)
xs.remove(1)
print(xs, xs.count(1))
print(xs.index(9))
xs.remove(7)
