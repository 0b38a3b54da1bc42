from kybra import query

Table = dict[str]


@query
def size(t: Table) -> int:
    return 0
