import math
from kybra import ic, query, Record


class Point(Record):
    x: int
    y: int


def make() -> Point:
    return {"x": 1, "y": 2}


@query
def tuple_repeat(xs: list[int]) -> int:
    return len((1, 2) * len(xs))


@query
def map_two(xs: list[int]) -> int:
    return len(list(map(lambda a, b: a, xs)))


@query
def range_step(n: int) -> int:
    return len(range(0, n, 0.5))


@query
def spread_int(n: int) -> int:
    return len([*n])


@query
def spread_call() -> int:
    p: Point = {**make(), "x": 3}
    return p["x"]


@query
def join_ints(xs: list[int]) -> str:
    return ",".join(xs)


@query
def sort_points(ps: list[Point]) -> int:
    ps.sort()
    return len(ps)


@query
def math_sqrt(x: float) -> float:
    return math.sqrt


@query
def math_unknown() -> float:
    return math.golden


@query
def type_of_call() -> str:
    return str(type(make()))


@query
def str_title(s: str) -> str:
    return s.title()


@query
def str_unknown(s: str) -> str:
    return s.shout()


@query
def unpack_three(n: int) -> int:
    a, b = (n, n, n)
    return a


@query
def unpack_set(xs: list[int]) -> int:
    a, b = {1: 2}
    return a


@query
def del_name(n: int) -> int:
    m = n
    del m
    return n


@query
def del_field(p: Point) -> int:
    del p["x"]
    return 0


@query
def method_name() -> str:
    return ic.method_name()


@query
def format_named(n: int) -> str:
    return "{n}".format(n)


@query
def format_missing(n: int) -> str:
    return "{} {}".format(n)


@query
def format_mixed(n: int) -> str:
    return "{} {0}".format(n)


def with_list_default(xs: list[int] = []) -> int:
    return len(xs)


@query
def exported_default(n: int = 3) -> int:
    return n


def two(a: int, b: int = 1) -> int:
    return a + b


@query
def bad_keywords(n: int) -> int:
    return two(n, c=1) + two(b=2) + two(n, a=1)
