from kybra import nat, query, Vec


@query
def balances() -> Vec[nat]:
    return [3, -1]
