def stats(xs: list[int]) -> str:
    return f"min={min(xs, default=0)} max={max(xs, default=0)} n={len(xs)}"


print(stats([]))
print(stats([4, -2, 9]))
names: list[str] = []
print(max(names, default="(nobody)"), min(["b", "a"], default="z"))
print(max([1.5, 0.5], default=0.0), min([0.5], default=2.0))
