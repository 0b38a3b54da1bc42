class A(Exception):
    def __init__(self, n: int):
        super().__init__(f"A{n}")
        self.n = n


class B(Exception):
    pass


def f(k: int) -> int:
    if k == 1:
        raise A(1)
    if k == 2:
        raise B("b!")
    if k == 3:
        raise ValueError("v")
    return k


def main() -> None:
    for k in range(5):
        try:
            print(f(k))
        except (A, B) as e:
            print("A or B:", e, repr(e), type(e).__name__, isinstance(e, A))
        except Exception as e:
            print("other:", e)


main()
