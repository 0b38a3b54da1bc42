from kybra import query, Vec


@query
def empty() -> int:
    xs = []
    xs.append(1)
    xs.append("one")
    return len(xs)


@query
def mixed() -> int:
    xs = [1, "two"]
    return len(xs)


@query
def spread(d: Vec[int]) -> int:
    e = {"a": 1}
    f = {**e, "b": 2, **d}
    return len(f)


@query
def float_keys() -> int:
    d = {1.5: "x"}
    return len(d)


@query
def squares() -> int:
    return len({x: x * x for x in range(3)})
