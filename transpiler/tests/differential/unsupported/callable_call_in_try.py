# expect: error: calling a function value inside `try` is not supported yet
from typing import Callable


def safe(f: Callable[[int], int], x: int) -> int:
    try:
        return f(x)
    except ZeroDivisionError:
        return 0


print(safe(lambda v: 10 // v, 0))
