from kybra import query


@query
def largest_first(xs: list[int]) -> list[int]:
    return sorted(xs, key=abs)


@query
def total(xs: list[int]) -> int:
    return sum(xs, start=10)
