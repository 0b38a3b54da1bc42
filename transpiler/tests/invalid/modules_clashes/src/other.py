from kybra import query, Record

counter: int = 5


class Item(Record):
    id: int


def helper() -> int:
    return 2


@query
def get() -> int:
    return helper()
