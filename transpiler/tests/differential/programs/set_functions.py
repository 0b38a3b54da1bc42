def common(a: set[int], b: set[int]) -> set[int]:
    return a & b


def only_positive(xs: list[int]) -> frozenset[int]:
    return frozenset(x for x in xs if x > 0)


def count_unique(xs: list[int]) -> int:
    return len(set(xs))


print(common({1, 2, 3, 8}, {8, 3, 5}))
print(only_positive([3, -1, 4, 1, -5, 9]))
print(count_unique([1, 1, 2, 3, 5, 8, 13, 1]))
