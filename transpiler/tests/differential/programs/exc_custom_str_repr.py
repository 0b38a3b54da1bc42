class OnlyStr(Exception):
    def __init__(self, n: int):
        super().__init__(n)
        self.n = n

    def __str__(self) -> str:
        return f"n={self.n}"


class OnlyRepr(Exception):
    def __init__(self, n: int):
        super().__init__(n, "x")
        self.n = n

    def __repr__(self) -> str:
        return f"<OnlyRepr {self.n}>"


class Both(Exception):
    def __str__(self) -> str:
        return "both-str"

    def __repr__(self) -> str:
        return "both-repr"


def main() -> None:
    try:
        raise OnlyStr(1)
    except OnlyStr as e:
        print(str(e), repr(e), e.args, f"{e}|{e!r}")
    try:
        raise OnlyRepr(2)
    except OnlyRepr as e:
        print(str(e), repr(e), e.args, f"{e}|{e!r}")
    try:
        raise Both("ignored")
    except Both as e:
        print(str(e), repr(e), e.args, f"{e}|{e!r}")
    try:
        raise OnlyStr(3)
    except Exception as e:
        print(str(e), repr(e), e.args)
    try:
        raise OnlyRepr(4)
    except Exception as e:
        print(str(e), repr(e), e.args)


main()
