from kybra import query


def double(x: int) -> int:
    return x * 2


@query
def four() -> int:
    return double(x=2)
