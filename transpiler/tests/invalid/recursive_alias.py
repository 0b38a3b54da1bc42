from kybra import query, Vec

Nested = Vec["Nested"]


@query
def depth(n: Nested) -> bool:
    return True
