from kybra import nat64, query, Record


class Account(Record):
    owner: str
    balance: nat64


@query
def empty_account() -> Account:
    return {"owner": "nobody"}
