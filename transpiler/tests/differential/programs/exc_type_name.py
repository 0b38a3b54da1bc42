class Custom(Exception):
    pass


class Rich(ValueError):
    def __init__(self, n: int):
        super().__init__("rich")
        self.n = n


class Richer(Rich):
    pass


def name_of(n: int) -> str:
    try:
        if n == 0:
            raise KeyError("k")
        if n == 1:
            raise Custom("c")
        if n == 2:
            raise Rich(2)
        if n == 3:
            raise Richer(3)
        if n == 4:
            return str(1 // (n - 4))
        return str([1][n])
    except Exception as e:
        return type(e).__name__


def main() -> None:
    for n in range(6):
        print(n, name_of(n))
    try:
        raise Richer(9)
    except Rich as e:
        print(type(e).__name__, e.n)
    r = Rich(1)
    print(type(r).__name__)


main()
