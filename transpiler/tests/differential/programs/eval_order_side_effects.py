calls: list[str] = []


def f(name: str, v: int) -> int:
    calls.append(name)
    return v


print(f("a", 1) < f("b", 2) < f("c", 0) < f("d", 5))
print(calls)
calls.clear()
print(f("a", 0) and f("b", 1), f("c", 2) or f("d", 3), calls)
calls.clear()
xs = [10, 20, 30]
xs[f("idx", 1)] += f("val", 5)
print(xs, calls)
calls.clear()
d = {"k": 1}
d["k"] += f("inc", 2)
print(d, calls)
calls.clear()
total = f("x", 1) + f("y", 2) * f("z", 3)
print(total, calls)
calls.clear()
print([f(str(i), i) for i in range(3)], calls)
calls.clear()
print(f"{f('p', 1)}{f('q', 2)}", calls)
