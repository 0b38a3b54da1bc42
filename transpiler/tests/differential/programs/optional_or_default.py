from typing import Optional


def find(xs: list[str], p: str) -> Optional[str]:
    for x in xs:
        if x.startswith(p):
            return x
    return None


def count(d: dict[str, int], k: str) -> Optional[int]:
    return d.get(k)


names = ["ann", "bob", ""]
print(find(names, "b") or "nobody", find(names, "z") or "nobody", repr(find(names, "") or "empty"))
d = {"a": 0, "b": 3}
print(count(d, "a") or -1, count(d, "b") or -1, count(d, "c") or -1)
n: Optional[int] = None
print((n or 5) + 1)
