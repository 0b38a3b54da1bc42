def inverses(rows: list[list[int]]) -> list[float]:
    return [1 / v for row in rows for v in row if v != 99]


def safe(rows: list[list[int]]) -> str:
    try:
        return str(inverses(rows))
    except ZeroDivisionError as e:
        return f"error: {e}"


print(safe([[1, 2], [4, 99]]))
print(safe([[1], [0, 2]]))
print(safe([]))
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print([grid[c][r] for r in range(3) for c in range(3)])
print(inverses([[5], [], [0]]))
