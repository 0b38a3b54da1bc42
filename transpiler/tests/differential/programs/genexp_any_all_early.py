calls: list[int] = []


def check(x: int) -> bool:
    calls.append(x)
    return x > 3


xs = [1, 5, 2, 7]
print(any(check(x) for x in xs))
print(calls)
calls.clear()
print(all(check(x) for x in xs))
print(calls)
calls.clear()
print(all(check(x) for x in [4, 6]), calls)
print(any(x > 100 for x in xs), all(x > 100 for x in calls[:0]))
