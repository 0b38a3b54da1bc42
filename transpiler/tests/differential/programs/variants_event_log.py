from kybra import Record, Variant, Opt, Vec, match, null


class Item(Record):
    name: str
    qty: int
    note: Opt[str]


class Event(Variant, total=False):
    Added: Item
    Removed: str
    Cleared: null


stock: dict[str, Item] = {}


def apply(e: Event) -> str:
    return match(e, {
        "Added": lambda it: add(it),
        "Removed": lambda name: remove(name),
        "Cleared": lambda _: clear(),
    })


def add(it: Item) -> str:
    stock[it["name"]] = it
    return f"added {it['name']}"


def remove(name: str) -> str:
    if name in stock:
        del stock[name]
        return f"removed {name}"
    return f"no {name}"


def clear() -> str:
    n = len(stock)
    stock.clear()
    return f"cleared {n}"


events: list[Event] = [
    {"Added": {"name": "pen", "qty": 3, "note": None}},
    {"Added": {"name": "ink", "qty": 1, "note": "blue"}},
    {"Removed": "cup"},
    {"Removed": "pen"},
]
for e in events:
    print(e, "->", apply(e))
print(stock)
ink = stock["ink"]
ink["qty"] += 10
print(stock["ink"]["qty"], ink["note"])
print(apply({"Cleared": None}), stock)
