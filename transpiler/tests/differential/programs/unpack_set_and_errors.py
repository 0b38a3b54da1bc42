lo, hi = {3, 1}
print(lo, hi)
small, *more = {5, 2, 9}
print(small, more)


def first_two(s: str) -> str:
    a, b, *_ = s
    return b + a


print(first_two("abc"), first_two("xy"))
for word in ["ok", "a", ""]:
    try:
        print(first_two(word))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    x, y, z = [1, 2, 3, 4]
except ValueError as e:
    print(e)
