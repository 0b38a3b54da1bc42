a = [1, 2, 3]
b = a
b.append(4)
print(a, b, len(a))
c = list(a)
c.append(5)
print(a, c)
d = a[:]
d[0] = 100
print(a, d)
grid = [[0, 0], [0, 0]]
row = grid[0]
row[1] = 7
print(grid)
e = a
e += [9]
print(a, e)
f = a + [10]
f.append(11)
print(a, f)
