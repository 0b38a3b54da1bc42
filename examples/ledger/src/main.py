from typing import Iterator

from kybra import nat64, query, update, Variant, Vec

from src.errors import (
    InsufficientFunds,
    LedgerError,
    UnknownAccount,
    parse_amount,
    require,
)

# A small ledger: helper checks raise exceptions, the methods turn the
# expected ones into results and let the others trap.


class TransferResult(Variant, total=False):
    Ok: nat64
    Err: str


class Receipt:
    """One transfer, as the history shows it."""

    def __init__(self, source: str, target: str, amount: int):
        self.source = source
        self.target = target
        self.amount = amount

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} {self.amount}"


balances: dict[str, int] = {}
history: list[str] = []
receipts: list[Receipt] = []


@update
def open_account(name: str, deposit: str) -> TransferResult:
    try:
        amount = parse_amount(deposit)
    except ValueError as e:
        return {"Err": f"bad deposit: {e}"}
    if name in balances:
        return {"Err": f"{name} already has an account"}
    balances[name] = amount
    history.append(f"open {name} {amount}")
    return {"Ok": amount}


def move(source: str, target: str, amount: int) -> int:
    have = require(balances, source)
    require(balances, target)
    if have < amount:
        raise InsufficientFunds(f"{source} has {have}, needs {amount}")
    balances[source] = have - amount
    balances[target] += amount
    return balances[source]


@update
def transfer(source: str, target: str, amount_text: str) -> TransferResult:
    try:
        amount = parse_amount(amount_text)
        left = move(source, target, amount)
    except UnknownAccount as e:
        return {"Err": f"no account {e}"}
    except (InsufficientFunds, ValueError) as e:
        return {"Err": str(e)}
    else:
        receipt = Receipt(source, target, amount)
        receipts.append(receipt)
        history.append(str(receipt))
        return {"Ok": left}
    finally:
        history.append("attempt")


@update
def transfer_or_trap(source: str, target: str, amount: nat64) -> nat64:
    # No `try`: a failed check ends the call with the exception and line.
    return move(source, target, amount)


@query
def balance(name: str) -> nat64:
    try:
        return require(balances, name)
    except LedgerError:
        return 0


@query
def rich(minimum: nat64) -> Vec[str]:
    return sorted([n for n, b in balances.items() if b >= minimum])


@query
def log() -> Vec[str]:
    return [line.upper() for line in history if line != "attempt"]


@query
def largest_transfer() -> str:
    if not receipts:
        return "none"
    best = max([r.amount for r in receipts])
    return ", ".join([str(r) for r in receipts if r.amount == best])


@query
def attempts() -> nat64:
    return len([line for line in history if line == "attempt"])


def statements(name: str) -> Iterator[str]:
    """The receipts that involve `name`, newest first, made one at a time."""
    for r in reversed(receipts):
        if r.source == name or r.target == name:
            yield str(r)


@query
def recent(name: str, count: nat64) -> Vec[str]:
    # The generator stops being asked once `count` lines are in.
    lines = []
    for line in statements(name):
        if len(lines) == count:
            break
        lines.append(line)
    return lines
