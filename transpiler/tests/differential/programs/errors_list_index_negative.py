xs = [1, 2, 3]
print(xs[-1], xs[-2], xs[-3])
xs.pop()
print(xs, xs[-2])
print(xs[-3])
