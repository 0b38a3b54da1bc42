from kybra import nat64, query


@query
def half(n: nat64) -> nat64:
    return n / 2
