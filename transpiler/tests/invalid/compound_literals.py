from kybra import nat64, query, Record, Variant


class Account(Record):
    owner: str
    balance: nat64


class Answer(Variant):
    Yes: nat64
    No: str


@query
def no_tag() -> Answer:
    return {}


@query
def wrong_field_type() -> Account:
    return {"owner": 5, "balance": 0}


@query
def extra_field() -> Account:
    return {"owner": "a", "balance": 0, "limit": 10}


@query
def wrong_payload() -> Answer:
    return {"Yes": "yes"}
