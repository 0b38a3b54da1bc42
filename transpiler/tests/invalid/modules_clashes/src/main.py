from kybra import query, Record
from src.other import counter, helper, Item


class Item(Record):
    name: str


def helper() -> int:
    return 1


@query
def get() -> int:
    return counter


@query
def reset() -> int:
    global counter
    counter = 0
    return counter
