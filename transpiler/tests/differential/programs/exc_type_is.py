class AppError(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class SubError(AppError):
    pass


def classify(n: int) -> str:
    try:
        if n == 0:
            raise ValueError("v")
        if n == 1:
            raise KeyError("k")
        if n == 2:
            raise AppError(2)
        raise SubError(3)
    except Exception as e:
        parts = []
        if type(e) is ValueError:
            parts.append("is ValueError")
        if type(e) is LookupError:
            parts.append("is LookupError")
        if type(e) == KeyError:
            parts.append("== KeyError")
        if type(e) is not AppError:
            parts.append("is not AppError")
        if type(e) is SubError:
            parts.append("is SubError")
        return ", ".join(parts)


def main() -> None:
    for n in range(4):
        print(n, classify(n))
    try:
        raise SubError(5)
    except AppError as e:
        print(type(e) is AppError, type(e) is SubError, type(e) is ValueError, e.code)


main()
