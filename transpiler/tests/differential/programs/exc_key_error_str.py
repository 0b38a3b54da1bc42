class MissingKey(KeyError):
    pass


class NoUser(KeyError):
    def __init__(self, user: str):
        super().__init__(user)
        self.user = user


def main() -> None:
    d = {"a": 1}
    try:
        print(d["zz"])
    except KeyError as e:
        print(str(e), repr(e), e.args)
    try:
        raise KeyError("k")
    except KeyError as e:
        print(str(e), "|", repr(e), "|", e.args)
    try:
        raise KeyError(5)
    except KeyError as e:
        print(str(e), "|", repr(e), "|", e.args)
    try:
        raise KeyError("a", "b")
    except KeyError as e:
        print(str(e), "|", repr(e), "|", e.args)
    try:
        raise KeyError()
    except KeyError as e:
        print(repr(str(e)), "|", repr(e), "|", e.args)
    try:
        raise MissingKey("m")
    except LookupError as e:
        print(str(e), "|", repr(e), "|", e.args)
    try:
        raise NoUser("carol")
    except NoUser as e:
        print(str(e), "|", repr(e), "|", e.args, e.user)
    try:
        raise NoUser("dave")
    except KeyError as e:
        print(f"{e} {e!r}")


main()
