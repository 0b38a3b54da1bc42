from kybra import nat64, Opt, query, Vec
from src.state import library, LIMIT
from src.models import Book, LendResult


def valid(title: str) -> bool:
    # A helper; members.py has its own `valid` with another meaning.
    return len(title) > 0


def add_book(title: str) -> Opt[nat64]:
    if not valid(title):
        return None
    id = library["next_id"]
    library["next_id"] += 1
    library["books"][id] = {"title": title, "borrower": None}
    return id


def book_view(id: nat64) -> Book:
    stored = library["books"][id]
    return {"id": id, "title": stored["title"], "borrower": stored["borrower"]}


def lend(id: nat64, name: str) -> LendResult:
    # members.py imports this module at its top, so importing it here, when
    # the function runs, breaks the cycle.
    from src.members import borrowed, valid as is_member

    if id not in library["books"]:
        return {"Err": {"NoSuchBook": id}}
    if not is_member(name):
        return {"Err": {"NoSuchMember": name}}
    if library["books"][id]["borrower"] is not None:
        return {"Err": {"AlreadyLent": id}}
    if borrowed(name) >= LIMIT:
        return {"Err": {"LimitReached": LIMIT}}
    library["books"][id]["borrower"] = name
    library["members"][name].append(id)
    library["lends"] += 1
    return {"Ok": book_view(id)}


@query
def book_count() -> nat64:
    return len(library["books"])


@query
def titles() -> Vec[str]:
    out: list[str] = []
    for id in range(library["next_id"]):
        out.append(library["books"][id]["title"])
    return out


@query
def title_of(id: nat64) -> str:
    return library["books"][id]["title"]
