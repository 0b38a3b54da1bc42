from kybra import query


@query
def size(xs: list[int]) -> int:
    return len(obj=xs)
