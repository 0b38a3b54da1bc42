from kybra import query


@query
def largest_first(xs: list[int]) -> list[int]:
    return sorted(xs, key=abs)
