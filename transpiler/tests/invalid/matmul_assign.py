from kybra import query


@query
def f(x: int) -> int:
    x @= 3
    return x
