from kybra import nat8, query


@query
def big() -> nat8:
    return 256
