from typing import Callable


def counter(start: int, step: int) -> Callable[[], int]:
    value = start

    def next_value() -> int:
        nonlocal value
        current = value
        value += step
        return current

    return next_value


evens = counter(0, 2)
odds = counter(1, 2)
print(evens(), evens(), odds(), evens(), odds())
down = counter(10, -3)
print([down() for _ in range(5)])
