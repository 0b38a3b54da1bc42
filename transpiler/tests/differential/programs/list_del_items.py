xs = list(range(10))
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[3]
print(xs, len(xs))
ys = ["a", "b", "c"]
while len(ys) > 0:
    del ys[0]
    print(ys)
zs = [1, 2]
del zs[5]
