class Failure(Exception):
    def __init__(self, step: str, n: int):
        super().__init__(step, n)
        self.step = step
        self.n = n


def make_failure(step: str) -> Failure:
    return Failure(step, len(step))


def run(steps: list[str]) -> str:
    for s in steps:
        if s.startswith("!"):
            err = make_failure(s[1:])
            raise err
    return "all ok"


def main() -> None:
    print(run(["a", "b"]))
    try:
        run(["a", "!bad", "c"])
    except Failure as e:
        print(e.step, e.n, e, repr(e))
    f = make_failure("later")
    print(f.step, str(f), repr(f), f.args)
    try:
        raise f
    except Exception as e:
        print("raised", e)


main()
