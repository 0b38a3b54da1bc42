pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)


def run() -> None:
    m = [[1, 2, 3], [4, 5], [], [6]]
    flat = [v for row in m for v in row]
    print(flat)
    print([v * 10 for row in m if len(row) > 1 for v in row if v % 2 == 1])
    print({a + b for a in [1, 2, 3] for b in [10, 20]})
    print({f"{k}{i}": i * k for k in [1, 2] for i in range(3) if i != k})
    print(sum(x * y for x in range(4) for y in range(x, 4)))
    words = ["ab", "cd", ""]
    print([c.upper() for w in words for c in w])
    print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 1])
    e: list[int] = []
    print([x for x in e for y in range(3)], [y for x in range(3) for y in e])
    d = {"a": [1, 2], "b": [3]}
    print([(k, v) for k, vs in d.items() for v in vs])
    print([s for s in ["x", "y"] for _ in range(2)])
    print(any(x == y for x in [1, 2] for y in [2, 3]), all(x < y for x in [1, 2] for y in [3, 4]))
    print(max(x - y for x in [5, 7] for y in [1, 2]))


run()
