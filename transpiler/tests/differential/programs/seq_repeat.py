zeros = [0] * 5
print(zeros, [1, 2] * 2, "ab" * 3, 3 * [None])
print([1, 2] * 0, [1, 2] * -3, "x" * -1, "" * 5, [7] * 1)
n = 3
grid = [[0] * n for _ in range(2)]
print(grid)
row = ["a", "b"] * n
print(row, len(row))
print((1, 2) * 2, (0,) * 3, ("a", 1) * 0, 2 * (True,))
words: list[str] = []
print(words * 4)
k = -2
print([5, 6] * k, "ab" * k)
shared = [[1]] * 3
shared[0].append(2)
print(shared)
print(True * [9], [9] * False)
