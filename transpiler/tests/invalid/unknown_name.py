from kybra import query


@query
def get() -> str:
    return mesage
