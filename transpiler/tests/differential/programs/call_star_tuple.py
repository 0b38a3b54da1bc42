def f(a: str, b: int) -> str:
    return a * b


t = ("x", 3)
print(f(*t), f(*("y", 2)))
for p in [("a", 1), ("b", 2)]:
    print(f(*p))
