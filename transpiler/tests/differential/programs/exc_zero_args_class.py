class Stop(Exception):
    pass


class Quiet(Exception):
    def __init__(self):
        super().__init__()
        self.level = 0


class Loud(Exception):
    def __init__(self):
        self.level = 9


def main() -> None:
    try:
        raise Stop
    except Stop as e:
        print("[" + str(e) + "]", repr(e), e.args)
    try:
        raise Quiet()
    except Quiet as e:
        print("[" + str(e) + "]", repr(e), e.args, e.level)
    try:
        raise Loud()
    except Loud as e:
        print("[" + str(e) + "]", repr(e), e.args, e.level)
    try:
        raise Loud
    except Exception as e:
        print(f"[{e}] [{e!r}]", e.args)
        print(e)


main()
