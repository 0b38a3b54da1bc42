# expect: error: `scale` takes 1 positional argument(s) but 2 were given
def scale(x: int, *, factor: int = 2) -> int:
    return x * factor


print(scale(3, 4))
