from kybra import Record, empty, query


class Never(Record):
    e: empty


@query
def returns_value() -> empty:
    return "x"


@query
def builds_empty_record() -> Never:
    return {"e": None}
