grid = [0, 0, 0]
for i in range(3):
    grid[i] = i * 10
print(grid)
grid[-1] = 99
print(grid)
grid[3] = 1
