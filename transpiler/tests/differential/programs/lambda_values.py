from typing import Callable

double: Callable[[int], int] = lambda x: x * 2
print(double(21))


def make_ops() -> list[Callable[[int, int], int]]:
    return [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b]


for op in make_ops():
    print(op(7, 3))

shout: Callable[[str], str] = lambda s: s.upper() + "!"
print(shout("hey"))
is_even: Callable[[int], bool] = lambda n: n % 2 == 0
print([n for n in range(6) if is_even(n)])
noop: Callable[[], int] = lambda: 42
print(noop())
