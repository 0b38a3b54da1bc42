def last_two(xs: list[str]) -> str:
    return xs[-1] + xs[-2]


print(last_two(["a", "b", "c"]))
print(last_two(["x"]))
