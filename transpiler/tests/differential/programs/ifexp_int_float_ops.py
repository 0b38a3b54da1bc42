def ratio(a: int, b: int) -> float:
    return a / b if b else 0


def show(c: bool) -> None:
    v = 0.5 if c else 3
    print(v < 1, v == 3, int(v), float(v), round(v), -v, v ** 2, v // 2, v % 2)
    r: float = 2 if c else 0.5
    print(r)
    vals = [1 if c else 2.5, 4]
    print(vals)
    d = {"k": 1 if c else 1.5}
    print(d)
    print(v + v)
    t = (v, 1)
    print(t)


print(ratio(1, 2), ratio(3, 4))
show(True)
show(False)
