events: list[str] = []


def f(n: int) -> str:
    try:
        if n > 0:
            return "positive"
        events.append("not positive")
    finally:
        events.append(f"finally {n}")
    return "other"


def g(n: int) -> int:
    try:
        return 100 // n
    except ZeroDivisionError:
        return -1
    finally:
        events.append(f"g finally {n}")


print(f(3))
print(f(-1))
print(g(4))
print(g(0))
print(events)
