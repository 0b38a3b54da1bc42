from kybra import query


@query
def unknown() -> int:
    xs = [1, 2]
    xs.frobnicate()
    return len(xs)


@query
def arity() -> int:
    xs = [1, 2]
    xs.append(1, 2)
    return len(xs)


@query
def list_of_int(n: int) -> int:
    return len(list(n))


@query
def loop_over_int(n: int) -> int:
    total = 0
    for x in n:
        total += x
    return total


@query
def unpack_three() -> int:
    d = {"a": 1}
    for k, v, w in d.items():
        pass
    return 0
