from kybra import query
from typing import TypedDict


class Inventory(TypedDict):
    owner: str
    stock: dict[str, int]


@query
def inventory() -> Inventory:
    return {"owner": "me", "stock": {}}


@query
def prices(table: dict[str, int]) -> int:
    return len(table)
