class Bag:
    def __init__(self):
        self.items = []
        self.seen = set()
        self.index = {}

    def add(self, x: int) -> None:
        self.items.append(x)
        self.seen.add(x % 3)
        self.index[str(x)] = len(self.items)


b = Bag()
b.add(4)
b.add(7)
print(b.items, b.seen, b.index, 1 in b.seen)
