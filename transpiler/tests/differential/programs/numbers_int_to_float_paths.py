def scale(x: int, factor: int) -> str:
    r = x
    if factor > 1:
        r = x * factor
    elif factor < 0:
        r = x / -factor
    return str(r)


for f in [3, 0, -2, -3]:
    print(f, scale(7, f))
