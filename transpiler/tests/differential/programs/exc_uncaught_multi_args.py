def f(n: int) -> int:
    if n > 2:
        raise ValueError("too big", n)
    return n


print(f(1))
print(f(5))
