from typing import Callable, Optional


def maybe_apply(f: Optional[Callable[[str], str]], s: str) -> str:
    if f is None:
        return s
    return f(s)


def exclaim(s: str) -> str:
    return s + "!"


print(maybe_apply(None, "plain"))
print(maybe_apply(exclaim, "loud"))
print(maybe_apply(lambda s: s[::-1], "abc"))
handlers: list[Callable[[str], None]] = [lambda s: print("one", s), lambda s: print("two", s)]
for h in handlers:
    h("x")
