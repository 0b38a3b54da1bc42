def main() -> None:
    a = {"x": 1, "y": 2}
    b = {"y": 20, "z": 30}
    c = {**a, **b}
    print(c)
    d = {"w": 0, **a, "x": 100}
    print(d)
    e = a | b
    print(e)
    a |= {"q": 5}
    print(a)
    xs = [1, 2]
    xs *= 3
    print(xs)


main()


def more() -> None:
    base: dict[str, int] = {"a": 1}
    merged: dict[str, int] = {**base, "b": 2, **{"a": 9}}
    print(merged)
    alias = base
    base |= {"c": 3}
    print(alias, base is alias)
    ys = [0]
    zs = ys
    ys *= 2
    print(zs, ys)
    ys *= 0
    print(zs)
    ws = [[1]] * 2
    ws *= -1
    print(ws)
    print({**base, **base})


more()


def ident() -> None:
    a = [1, 2]
    b = a
    c = [1, 2]
    print(a is b, a is c, a is not c, a == c)
    d = {"k": [1]}
    e = {"k": [1]}
    print(d is e, d is d, d["k"] is e["k"], d == e)


ident()
