from dataclasses import dataclass, field
from kybra import query, Record


class Base:
    def __init__(self) -> None:
        self.x = 1


class Derived(Base):
    def __init__(self, y: int):
        self.y = y


class Child(Base):
    def describe(self) -> str:
        return "child"


class Grandchild(Child):
    def describe(self, loud: bool) -> str:
        return "grandchild"


@dataclass
class Point(Base):
    z: int


class Holder(Record):
    inner: Base


@dataclass(order=True)
class Ordered:
    x: int


@dataclass
class Defaults:
    x: int = 0
    y: int


@dataclass
class Shared:
    items: list[int] = []


class Odd:
    def __call__(self) -> int:
        return 0

    @staticmethod
    @property
    def both() -> int:
        return 1

    def no_self() -> int:
        return 1

    for i in range(3):
        pass


@query
def ok() -> int:
    return Base().x


class Special:
    def __eq__(self, other: int) -> bool:
        return True

    def __lt__(self, other: "Special") -> int:
        return 0

    def __len__(self, extra: int) -> int:
        return 0
