# expect: error: unpacking a `dict[int, int]` value is not supported yet
def f() -> None:
    a, b = {1: 2, 3: 4}
    print(a, b)


f()
