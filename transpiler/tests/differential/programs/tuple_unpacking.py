point = (3, 4)
x, y = point
print(x, y, point)
a, b, c = 1, "two", 3.0
print(a, b, c)
a, b = b, a
print(a, b)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
nested = (1, (2, 3))
first, rest = nested
second, third = rest
print(first, second, third)
t = (5,)
print(t, len(t), t[0])
