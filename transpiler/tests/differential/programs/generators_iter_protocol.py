from typing import Iterator


class Words:
    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self):
        for w in self.text.split():
            yield w.lower()


class Tree:
    def __init__(self, value: int) -> None:
        self.value = value
        self.children: list["Tree"] = []

    def walk(self) -> Iterator[int]:
        yield self.value
        for c in self.children:
            yield from c.walk()


def outer(n: int) -> list[int]:
    def inner():
        for i in range(n):
            yield i * n

    return list(inner())


w = Words("The Quick BROWN fox")
print(list(w), sorted(w), ",".join(w))
t = Tree(1)
t.children.append(Tree(2))
t.children[0].children.append(Tree(3))
t.children.append(Tree(4))
print(list(t.walk()))
print(outer(3))
print(set(w) == {"the", "quick", "brown", "fox"}, "fox" in w, "dog" in w, "dog" not in w)
