matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1], matrix[2][0], matrix[-1][-1])
for row in matrix:
    print(row, sum(row), max(row))
transposed = [[matrix[r][c] for r in range(3)] for c in range(3)]
print(transposed)
flat: list[int] = []
for row in matrix:
    flat.extend(row)
print(flat)
matrix[0].append(10)
print(matrix, len(matrix[0]))
diag = [matrix[i][i] for i in range(3)]
print(diag)
