from typing import Iterator


class Bag:
    def __init__(self) -> None:
        self.items: list[int] = []

    def add(self, x: int) -> None:
        self.items.append(x)

    def __iter__(self) -> Iterator[int]:
        for x in self.items:
            yield x

    def evens(self) -> Iterator[int]:
        for x in self.items:
            if x % 2 == 0:
                yield x

    def __len__(self) -> int:
        return len(self.items)


b = Bag()
for i in range(5):
    b.add(i * 3)
for x in b:
    print(x)
print(list(b.evens()), len(b), sum(b))
print([x * 2 for x in b])
