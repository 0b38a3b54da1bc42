x = 10
squares = [x * x for x in range(4)]
print(x, squares)
n = 3
grid = [[n * r + c for c in range(n)] for r in range(n)]
print(grid)
total = sum([sum(row) for row in grid])
print(total)
names = ["a", "b"]
tagged = [f"{name}{i}" for i, name in enumerate(names)]
print(tagged, names)
