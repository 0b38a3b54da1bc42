from kybra import query, Record


class Pair(Record):
    left: str
    right: str


@query
def pick(p: Pair, key: str) -> str:
    return p[key]
