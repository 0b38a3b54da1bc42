from kybra import nat64, Opt, Record, Variant, Vec
from typing import TypedDict

# The Candid types of the interface and the shapes of the state, shared by
# every other module.


class Book(Record):
    id: nat64
    title: str
    borrower: Opt[str]


class Member(Record):
    name: str
    books: Vec[Book]


class LendError(Variant, total=False):
    NoSuchBook: nat64
    NoSuchMember: str
    AlreadyLent: nat64
    LimitReached: nat64


class LendResult(Variant, total=False):
    Ok: Book
    Err: LendError


class StoredBook(TypedDict):
    title: str
    borrower: Opt[str]


class Library(TypedDict):
    books: dict[nat64, StoredBook]
    members: dict[str, Vec[nat64]]
    next_id: nat64
    lends: nat64
