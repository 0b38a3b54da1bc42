xs = [10, 20, 30]
print(xs[0], xs[-1], xs[-3])
xs[1] = 25
print(xs)
i = 0
while i < 3:
    print(i, xs[i])
    i += 1
print("reading index", i)
print(xs[i])
