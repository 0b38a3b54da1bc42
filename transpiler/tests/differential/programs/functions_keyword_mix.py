def f(a: int, b: int = 2, c: int = 3) -> str:
    return f"{a}-{b}-{c}"


print(f(1), f(1, c=9), f(c=0, a=5), f(1, 2, 3), f(b=7, a=0))
vals = [f(i, c=i * i) for i in range(3)]
print(vals)
