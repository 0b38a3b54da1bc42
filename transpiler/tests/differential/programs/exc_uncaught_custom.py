class LedgerError(Exception):
    pass


class InsufficientFunds(LedgerError):
    pass


balances = {"a": 5}


def withdraw(who: str, amount: int) -> None:
    if balances[who] < amount:
        raise InsufficientFunds(f"{who} has {balances[who]}, needs {amount}")
    balances[who] -= amount


withdraw("a", 3)
print(balances)
try:
    withdraw("a", 3)
except LedgerError as e:
    print("caught:", e)
withdraw("a", 9)
