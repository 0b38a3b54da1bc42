from kybra import query


@query
def risky(x: int) -> int:
    with x:
        return 10 // x
