class AppError(Exception):
    def __init__(self, code: int):
        super().__init__(f"code {code}")
        self.code = code


class NotFound(AppError):
    pass


class Bad(ValueError):
    pass


def check(n: int) -> None:
    try:
        if n == 0:
            raise KeyError("k")
        if n == 1:
            raise Bad("b")
        if n == 2:
            raise NotFound(404)
        raise AppError(500)
    except Exception as e:
        print(n, isinstance(e, LookupError), isinstance(e, ValueError), isinstance(e, (KeyError, Bad)),
              isinstance(e, AppError), isinstance(e, NotFound), isinstance(e, Exception))


def main() -> None:
    for n in range(4):
        check(n)
    try:
        raise NotFound(1)
    except AppError as e:
        print(isinstance(e, NotFound), isinstance(e, AppError), isinstance(e, Exception), isinstance(e, ValueError))


main()
