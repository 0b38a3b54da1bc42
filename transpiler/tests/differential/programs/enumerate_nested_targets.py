names = ["ann", "bob", "cy"]
for i, n in enumerate(names, start=10):
    print(i, n)
print([(i, x) for i, x in enumerate([3, 4], 5)])
for i, (a, b) in enumerate(zip("ab", [1, 2])):
    print(i, a, b)
