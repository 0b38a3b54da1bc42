from typing import Callable


def outer(a: int) -> int:
    def middle(b: int) -> int:
        def inner(c: int) -> int:
            return a * 100 + b * 10 + c

        return inner(3)

    return middle(2)


def adder_of_adders(x: int) -> Callable[[int], Callable[[int], int]]:
    def level1(y: int) -> Callable[[int], int]:
        def level2(z: int) -> int:
            return x + y + z

        return level2

    return level1


print(outer(1))
print(adder_of_adders(100)(20)(3))
f = adder_of_adders(1)
g = f(2)
print(g(3), g(4), f(10)(10))
