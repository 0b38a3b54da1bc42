class BankError(Exception):
    def __init__(self, account: str, message: str):
        super().__init__(message)
        self.account = account


class Insufficient(BankError):
    def __init__(self, account: str, balance: int, needed: int):
        super().__init__(account, f"balance {balance} < {needed}")
        self.balance = balance
        self.needed = needed

    def shortfall(self) -> int:
        return self.needed - self.balance


class Frozen(BankError):
    pass


balances = {"a": 10, "b": 0}
frozen = ["b"]


def withdraw(acct: str, amount: int) -> int:
    if acct in frozen:
        raise Frozen(acct, "account frozen")
    if balances[acct] < amount:
        raise Insufficient(acct, balances[acct], amount)
    balances[acct] -= amount
    return balances[acct]


def main() -> None:
    for acct, amount in [("a", 3), ("a", 30), ("b", 1)]:
        try:
            print("left", withdraw(acct, amount))
        except Insufficient as e:
            print("insufficient", e.account, e.shortfall(), e, repr(e), e.args)
        except BankError as e:
            print("bank error", e.account, e, repr(e), type(e).__name__)


main()
