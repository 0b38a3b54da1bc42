def mean(xs: list[int]) -> float:
    return sum(xs) / len(xs)


def median(xs: list[int]) -> float:
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    if n % 2:
        return s[mid] * 1.0
    return (s[mid - 1] + s[mid]) / 2


for data in [[3, 1, 2], [4, 1, 3, 2], [10], [-5, 5, 0, 100]]:
    print(data, mean(data), median(data))
