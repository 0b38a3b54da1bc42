"""The ledger's errors and the checks that raise them."""


class LedgerError(Exception):
    """Anything the ledger refuses."""


class UnknownAccount(LedgerError):
    pass


class InsufficientFunds(LedgerError):
    pass


def parse_amount(text: str) -> int:
    # int() raises ValueError for text that is not a number.
    amount = int(text)
    if amount <= 0:
        raise ValueError(f"amount must be positive, not {amount}")
    return amount


def require(balances: dict[str, int], name: str) -> int:
    if name not in balances:
        raise UnknownAccount(name)
    return balances[name]
