from typing import Callable


def power(exp: int) -> Callable[[int], int]:
    return lambda base: base**exp


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    def h(x: int) -> int:
        return f(g(x))

    return h


square = power(2)
cube = power(3)
print(square(7), cube(3))
both = compose(square, cube)
print(both(2))
print(compose(cube, square)(2))
chain = compose(compose(square, square), lambda x: x + 1)
print(chain(1))
