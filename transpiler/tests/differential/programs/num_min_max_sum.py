def run(flags: list[bool]) -> None:
    vals = [0.5 if f else 1 for f in flags]
    print(vals, sum(vals), min(vals) if vals else None, max(vals) if vals else None)
    v = 2.5 if len(flags) > 2 else 2
    print(min(v, 2), max(v, 2), min(2, v), max(1, v, 3.5))


run([True, False, True])
run([False, False])
run([True])
print(min(2.5, 2), max(2, 2.0), max(2.0, 2), min(1, 0.5, 3))
