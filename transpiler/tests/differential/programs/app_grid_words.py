def neighbours(w: int, h: int) -> list[tuple[int, int]]:
    return [(x, y) for x in range(w) for y in range(h) if (x + y) % 2 == 0]


print(neighbours(3, 2))
print(neighbours(0, 5))
board = [".#.", "##.", "..#"]
cells = [(r, c) for r, row in enumerate(board) for c, ch in enumerate(row) if ch == "#"]
print(cells, len(cells))
header = ["-"] * 3
print("".join(header * 2))
counts = {ch: sum(1 for row in board for c in row if c == ch) for ch in ".#"}
print(counts)
key, _, rest = "a.b.c".partition(".")
print(key, rest)
k2, v2 = "user=admin".split("=", 1)
print(k2.upper(), v2[::-1])
ext_ok = [f for f in ["a.py", "b.pyc", "c.PY"] if f.lower().endswith((".py", ".pyw"))]
print(ext_ok)
print(int("7" * 3) + int("1" * 2, 2), float("1" + "0" * 3))
