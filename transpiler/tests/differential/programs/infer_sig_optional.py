def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x


def scale(x, factor=None):
    if factor is None:
        return x
    return x * factor


def label(n, prefix=None):
    if prefix is None:
        prefix = "#"
    return prefix + str(n)


print(find([4, 5, 6], 6), find([4, 5, 6], 7))
r = first_even([1, 3, 8, 9])
print(r, first_even([1, 3]))
if r is not None:
    print(r + 1)
print(scale(3), scale(3, 4))
print(label(1), label(2, "n"), label(3, prefix="x-"))
