from typing import Iterator, Generator


def squares(n: int) -> Iterator[int]:
    for i in range(n):
        yield i * i


def count(start: int) -> Iterator[int]:
    i = start
    while True:
        yield i
        i += 1


def words(text: str) -> Generator[str, None, None]:
    for w in text.split():
        if w == "stop":
            return
        yield w.upper()


def chain(a: list[int], b: list[int]) -> Iterator[int]:
    yield from a
    yield from squares(3)
    yield from b


def noisy(n: int) -> Iterator[int]:
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")


def main() -> None:
    for x in squares(4):
        print(x)
    for x in count(10):
        if x > 13:
            break
        print("count", x)
    for w in words("a b stop c"):
        print(w)
    for v in chain([1, 2], [9]):
        print("chain", v)
    for v in noisy(2):
        print("got", v)
    g = squares(5)
    for x in g:
        if x == 4:
            break
    for x in g:
        print("rest", x)
    print([x + 1 for x in squares(3)])
    print(sum(squares(4)))
    print(list(squares(3)))
    print(sorted(words("b c a")))
    print(",".join(words("x y z")))
    print(max(squares(4)), min(squares(4)))
    print(any(x > 5 for x in squares(4)))
    h = count(0)
    print(next(h), next(h), next(h))
    e = squares(1)
    print(next(e), next(e, -1))
    try:
        next(e)
    except StopIteration:
        print("stopped")


main()
