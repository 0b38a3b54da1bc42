from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass
class Account:
    owner: str
    balance: int = 0
    history: List[str] = field(default_factory=list)

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        self.history.append(f"+{amount}")


class Bank:
    def __init__(self) -> None:
        self.accounts: Dict[str, Account] = {}

    def open(self, owner: str) -> Account:
        if owner in self.accounts:
            raise KeyError(owner)
        acct = Account(owner)
        self.accounts[owner] = acct
        return acct

    def total(self) -> int:
        return sum(a.balance for a in self.accounts.values())

    def richest(self) -> Optional[Account]:
        if not self.accounts:
            return None
        return max(self.accounts.values(), key=lambda a: a.balance)


def summarize(*names: str) -> str:
    return ", ".join(names)


def report(bank: Bank, **opts: bool) -> str:
    lines = []
    for name, acct in sorted(bank.accounts.items()):
        line = f"{name:<6}{acct.balance:>6}"
        if opts.get("history"):
            line += " " + " ".join(acct.history)
        lines.append(line)
    return "\n".join(lines)


bank = Bank()
bank.open("ann").deposit(50)
bank.open("bob").deposit(20)
bank.accounts["bob"].deposit(5)
try:
    bank.open("ann")
except KeyError as e:
    print("exists:", e)
try:
    bank.accounts["ann"].deposit(-1)
except ValueError as e:
    print("error:", e)
print(bank.total())
r = bank.richest()
print(r.owner if r else None)
print(report(bank, history=True))
print(summarize("a", "b", "c"))
print(Account("zed"))
print([n for n, _ in sorted(bank.accounts.items(), reverse=True)])
