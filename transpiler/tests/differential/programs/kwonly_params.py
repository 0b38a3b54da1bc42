def scale(x: int, *, factor: int = 2, offset: int = 0) -> int:
    return x * factor + offset


def label(name: str, *, upper: bool) -> str:
    return name.upper() if upper else name


def greet(greeting, *, name="world"):
    return f"{greeting}, {name}!"


print(scale(3), scale(3, factor=10), scale(3, offset=1, factor=0))
print(label("ab", upper=True), label("ab", upper=False))
print(greet("hi"), greet("hello", name="ann"))


class Account:
    def __init__(self, owner: str, *, balance: int = 0) -> None:
        self.owner = owner
        self.balance = balance

    def deposit(self, amount: int, *, note: str = "") -> str:
        self.balance += amount
        return f"{self.owner}: {self.balance} {note}".strip()


a = Account("bo", balance=5)
print(a.deposit(10), a.deposit(1, note="tip"))
