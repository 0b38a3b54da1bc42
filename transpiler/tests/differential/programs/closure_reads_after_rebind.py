from typing import Callable


def snapshot() -> list[str]:
    out: list[str] = []
    name = "first"

    def greet() -> str:
        return "hi " + name

    out.append(greet())
    name = "second"
    out.append(greet())
    name = name + "!"
    out.append(greet())
    return out


def shared_between_two() -> tuple[int, int]:
    n = 0

    def inc() -> None:
        nonlocal n
        n += 1

    def get() -> int:
        return n

    inc()
    inc()
    a = get()
    inc()
    return (a, get())


print(snapshot())
print(shared_between_two())
