t = (1, 2, 3, 4)
a, *b = t
print(a, b)
*c, d = t
print(c, d)
e, *f, g = t
print(e, f, g)
h, *i, j, k = t
print(h, i, j, k)
names = ("ann", "bob")
first, *others = names
print(first, others)
for x, *ys in [(1, 2, 3), (4, 5, 6)]:
    print(x, ys, sum(ys))
