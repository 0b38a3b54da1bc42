class Counter:
    def __init__(self, start=0):
        self.value = start
        self.history = []

    def add(self, n):
        self.value += n
        self.history.append(n)
        return self

    def total(self):
        return self.value

    def __str__(self):
        return f"Counter({self.value})"

    def __eq__(self, other):
        return self.value == other.value


class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    def describe(self, verbose=False):
        if verbose:
            return f"{self.name} with {self.sides} sides"
        return self.name


c = Counter()
c.add(2).add(3)
print(c.total(), c, c.history)
print(Counter(5) == Counter(5), Counter(1) == c)
s = Shape("square", 4)
print(s.describe(), s.describe(True), s.describe(verbose=False))
