def f(n: int) -> str:
    try:
        try:
            x = n + 1
        except ValueError:
            return "never"
        else:
            if x > 3:
                raise ValueError(f"too big {x}")
            return "small"
    except ValueError as e:
        return str(e)


print(f(1))
print(f(5))
