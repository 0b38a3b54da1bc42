def add_item(xs: list[int], x: int) -> int:
    xs.append(x)
    return len(xs)


def total(xs: list[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def doubled(xs: list[int]) -> list[int]:
    return [x * 2 for x in xs]


data = [1, 2]
print(add_item(data, 3), data)
alias = data
add_item(alias, 4)
print(data, total(data), doubled(data), data)
fresh = doubled(data)
fresh.append(0)
print(data, fresh)
