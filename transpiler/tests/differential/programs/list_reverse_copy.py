xs = [1, 2, 3, 4, 5]
ys = xs[::-1]
print(xs, ys)
xs.reverse()
print(xs, ys, xs == ys)
zs = xs[::-1]
print(zs)
words = "one two three".split()
words.reverse()
print(" ".join(words))
