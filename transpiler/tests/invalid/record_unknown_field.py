from kybra import nat64, query, Record


class Account(Record):
    owner: str
    balance: nat64


@query
def balance(a: Account) -> nat64:
    return a["balanse"]
