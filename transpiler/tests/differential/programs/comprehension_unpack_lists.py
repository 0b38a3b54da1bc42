def run() -> None:
    rows = [[1, 2], [3, 4], [5, 6]]
    print([a + b for a, b in rows])
    print({k: v for k, v in ["ab", "cd"]})
    print([(h, t) for h, *t in [[1, 2, 3], [4]]])
    print(sum(x * y for [x, y] in rows))
    print([w for a, b in rows for w in (a, b) if w != 3])
    try:
        print([a for a, b in [[1, 2], [3]]])
    except ValueError as e:
        print("ValueError:", e)
    print([a + c for a, b, c in ["xyz", "123"]])


run()
