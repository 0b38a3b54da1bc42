from kybra import query


class MyError(Exception):
    pass


@query
def custom() -> int:
    raise MyError("x")


@query
def bare() -> int:
    raise


@query
def chained(n: int) -> int:
    raise ValueError("a") from None


@query
def two_args(n: int) -> int:
    raise ValueError("a", n)
