def level3(xs: list[int], i: int) -> int:
    return xs[i]


def level2(xs: list[int], i: int) -> int:
    return level3(xs, i) * 2


def level1(xs: list[int], i: int) -> int:
    return level2(xs, i) + 1


xs = [5, 6, 7]
for i in [0, 2, 3, -1, -4]:
    try:
        print(i, level1(xs, i))
    except IndexError as e:
        print(i, "IndexError:", e)
