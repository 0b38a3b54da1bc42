def table(rows: int, cols: int) -> list[list[str]]:
    return [["."] * cols for _ in range(rows)]


t = table(2, 3)
t[0][1] = "#"
for row in t:
    print("".join(row))
aliased = [["."] * 2] * 2
aliased[0][0] = "@"
print(aliased)
line = "=" * 10
print(line, len(line))
print(["ab"] * 2 + ["c"] * 3)
counts = [0] * 4
for ch in "abcabca":
    counts[ord(ch) - ord("a")] += 1
print(counts)
print((None,) * 2, ("x",) * -1)
