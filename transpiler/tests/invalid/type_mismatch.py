from kybra import nat64, query


@query
def count() -> nat64:
    return "many"
