from typing import Iterator


def countdown(n: int) -> Iterator[int]:
    while True:
        yield 10 // n
        n -= 1


for v in countdown(3):
    print(v)
print("not reached")
