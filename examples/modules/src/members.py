from kybra import nat64
from . import books as shelf
from .state import library
from .models import Book, Member


def valid(name: str) -> bool:
    # Whether `name` is a member (books.py has a `valid` of its own).
    return name in library["members"]


def join(name: str) -> bool:
    if valid(name):
        return False
    library["members"][name] = []
    return True


def borrowed(name: str) -> nat64:
    return len(library["members"][name])


def member_view(name: str) -> Member:
    books: list[Book] = []
    for id in library["members"][name]:
        books.append(shelf.book_view(id))
    return {"name": name, "books": books}
