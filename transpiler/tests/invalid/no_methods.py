from kybra import nat64

count: nat64 = 0


def helper() -> nat64:
    return count
