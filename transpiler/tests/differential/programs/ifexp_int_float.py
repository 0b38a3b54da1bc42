def avg(xs: list[int]) -> str:
    n = len(xs)
    r = sum(xs) / n if n else 0
    return str(r)


print(avg([]), avg([1, 2]), avg([3]))


def pick(flag: bool) -> None:
    v = 1.5 if flag else 2
    print(v, f"{v}", repr(v), v * 2, v + 1)
    w = -3 if flag else 0.25
    print(w, str(w), [w], abs(w))


pick(True)
pick(False)
print(10 if len("ab") > 5 else 2.0)
x = 7
print(x / 2 if x % 2 else x // 2)
