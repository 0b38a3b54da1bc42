def check(xs: list[int]) -> str:
    return f"{any(x > 0 for x in xs)} {all(x > 0 for x in xs)} {sum(x for x in xs)}"


print(check([]))
print(check([1, 2]))
print(check([-1, 2]))
print(check([-1, -2]))
print(max((x for x in [3, 8, 1]), default=0), min((x * 2 for x in [5, 4]), default=0))
