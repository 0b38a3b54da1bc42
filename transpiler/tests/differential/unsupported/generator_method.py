# expect: error: `yield` is supported in module-level functions only
class Bag:
    def __init__(self) -> None:
        self.items = [1, 2]

    def each(self):
        for x in self.items:
            yield x


for x in Bag().each():
    print(x)
