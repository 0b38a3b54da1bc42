from kybra import query


class WithInit(Exception):
    def __init__(self, code: int):
        super().__init__(f"code {code}")
        self.code = code


class ValueError(Exception):
    pass


@query
def not_a_class(n: int) -> int:
    raise n


@query
def catch_not_a_class(n: int) -> int:
    try:
        return 1 // n
    except (ZeroDivisionError, len):
        return 0


@query
def bad_cause(n: int) -> int:
    raise KeyError("a") from n


@query
def two_args(n: int) -> int:
    raise KeyError("a", n)
