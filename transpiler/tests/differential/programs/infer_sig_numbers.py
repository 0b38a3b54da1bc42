def mean(xs):
    return sum(xs) / len(xs)


def half(x):
    return x / 2


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def total(prices, tax):
    t = 0
    for p in prices:
        t += p * (1 + tax)
    return round(t, 2)


print(mean([1, 2, 3, 4]), mean([2, 5]))
print(half(7), half(2.5))
print(clamp(5, 0, 10), clamp(-3, 0, 10), clamp(2.5, 0, 2))
print(total([10, 20], 0.08), total([1, 2], 0))
