class LedgerError(Exception):
    pass


class UnknownAccount(LedgerError):
    pass


class Insufficient(LedgerError):
    pass


balances: dict[str, int] = {}
journal: list[str] = []


def deposit(who: str, amount: int) -> None:
    if amount <= 0:
        raise ValueError(f"bad amount {amount}")
    balances[who] = balances.get(who, 0) + amount
    journal.append(f"+{amount} {who}")


def transfer(src: str, dst: str, amount: int) -> None:
    if src not in balances:
        raise UnknownAccount(src)
    if balances[src] < amount:
        raise Insufficient(f"{src}: {balances[src]} < {amount}")
    balances[src] -= amount
    balances[dst] = balances.get(dst, 0) + amount
    journal.append(f"{src}->{dst} {amount}")


deposit("alice", 100)
deposit("bob", 5)
ops = [("alice", "bob", 30), ("carol", "bob", 1), ("bob", "alice", 50), ("bob", "dave", 35)]
for src, dst, amt in ops:
    try:
        transfer(src, dst, amt)
        print("ok", src, dst, amt)
    except UnknownAccount as e:
        print("unknown account", e)
    except LedgerError as e:
        print("ledger error:", e)
try:
    deposit("x", -1)
except ValueError as e:
    print(e)
print(balances)
print(sum(balances.values()), journal)
transfer("dave", "alice", 100)
