empty: list[int] = []
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], empty == empty)
xs = [[1], [2, 3]]
print([2, 3] in xs, [3] in xs, 1 in [1.0, 2.0])
words = ["a", "b"]
print("a" in words, "c" not in words)
print([[1, 5], [2]] == [[1, 5], [2]], [[1]] != [[1], []])
