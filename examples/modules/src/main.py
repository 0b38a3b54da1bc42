from kybra import nat64, Opt, query, update
from src.books import add_book, book_count, lend, titles
from src.members import join, member_view, valid as is_member
import src.state as state
from src.models import Book, LendResult, Member

# The entry module: Kybra exports the `@query`/`@update` functions of every
# module (`book_count` and `titles` live in books.py); the rest are here.


@update
def new_book(title: str) -> Opt[nat64]:
    return add_book(title)


@update
def new_member(name: str) -> bool:
    return join(name)


@update
def borrow(id: nat64, name: str) -> LendResult:
    return lend(id, name)


@query
def member(name: str) -> Opt[Member]:
    if not is_member(name):
        return None
    return member_view(name)


@query
def lends() -> nat64:
    return state.library["lends"]


@query
def first_book() -> Opt[Book]:
    if book_count() == 0:
        return None
    return {"id": 0, "title": titles()[0], "borrower": state.library["books"][0]["borrower"]}
