class Rejected(Exception):
    def __init__(self, who: str, amount: int):
        self.who = who
        self.amount = amount


def main() -> None:
    try:
        raise Rejected("bob", 12)
    except Rejected as e:
        print(e.who, e.amount)
        print(str(e))
        print(repr(e))
        print(e.args, len(e.args))
        print(f"{e} / {e!r}")


main()
