from kybra import query


@query
def label(n: int) -> str:
    return "n = " + n
