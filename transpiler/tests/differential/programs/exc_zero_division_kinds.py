def attempt(kind: int) -> str:
    try:
        if kind == 0:
            return str(1 // 0)
        if kind == 1:
            return str(1 % 0)
        if kind == 2:
            return str(1 / 0)
        if kind == 3:
            return str(1.0 / 0)
        if kind == 4:
            return str(divmod(5, 0))
        return str(0 ** -1)
    except ZeroDivisionError as e:
        return f"{kind}: {e}"


for k in range(6):
    print(attempt(k))
