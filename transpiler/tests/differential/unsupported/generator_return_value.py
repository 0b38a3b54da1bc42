# expect: error: a generator returning a value is not supported
from typing import Iterator


def numbers() -> Iterator[int]:
    yield 1
    return 5


print(list(numbers()))
