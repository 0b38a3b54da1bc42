rows = [[3, 1], [1, 2, 3], [3, 0, 5], [1, 2], []]
print(sorted(rows))
print(sorted(rows, reverse=True))
print(sorted(rows, key=len))
print(sorted(rows, key=lambda r: (len(r), r)))
print(max(rows), min(rows), max(rows, key=sum))
grid = [("b", (2, 1.5)), ("a", (2, 0.5)), ("c", (1, 9.0))]
print(sorted(grid, key=lambda g: g[1]))
print(sorted(grid, key=lambda g: (g[1][0], -g[1][1], g[0])))
print(min(grid, key=lambda g: g[1]), max(grid, key=lambda g: (g[1], g[0])))
words = ["b", "ab", "abc", "a"]
print(sorted(words, key=lambda w: [len(w), ord(w[0])]))
