def matmul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    rows = len(a)
    cols = len(b[0])
    inner = len(b)
    out: list[list[int]] = []
    for i in range(rows):
        row: list[int] = []
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out


a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b))
m = [[1, 1], [1, 0]]
p = m
for _ in range(30):
    p = matmul(p, m)
print(p)
