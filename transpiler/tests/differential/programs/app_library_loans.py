class LoanError(Exception):
    pass


class NotAvailable(LoanError):
    pass


books: dict[str, int] = {"dune": 2, "emma": 1, "ulysses": 0}
loans: dict[str, list[str]] = {}


def borrow(member: str, title: str) -> None:
    if title not in books:
        raise KeyError(title)
    if books[title] == 0:
        raise NotAvailable(f"{title!r} is out")
    if len(loans.get(member, [])) >= 2:
        raise LoanError(f"{member} has too many books")
    books[title] -= 1
    loans.setdefault(member, []).append(title)


for member, title in [("ann", "dune"), ("ann", "emma"), ("ann", "dune"), ("bob", "emma"), ("bob", "ulysses"), ("cy", "odyssey"), ("bob", "dune")]:
    try:
        borrow(member, title)
        print(member, "borrowed", title)
    except NotAvailable as e:
        print("not available:", e)
    except LoanError as e:
        print("refused:", e)
    except KeyError as e:
        print("no such book", e)
print(books)
print(loans)
print(sum(len(v) for v in loans.values()), max(books.values()))
