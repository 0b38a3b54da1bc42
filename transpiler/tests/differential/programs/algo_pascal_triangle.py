rows: list[list[int]] = [[1]]
for n in range(1, 12):
    prev = rows[-1]
    row = [1]
    for i in range(1, n):
        row.append(prev[i - 1] + prev[i])
    row.append(1)
    rows.append(row)
for r in rows[:6]:
    print(" ".join([str(x) for x in r]))
print(rows[-1], sum(rows[-1]), 2 ** 11)
