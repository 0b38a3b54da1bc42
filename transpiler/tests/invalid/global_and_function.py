from kybra import query

total: int = 10


def total() -> int:
    return 1


@query
def f() -> int:
    return total()
