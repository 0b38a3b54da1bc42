from typing import Optional

parents = {"c": "b", "b": "a"}


def parent(x: str) -> Optional[str]:
    return parents.get(x)


def root(x: str) -> str:
    cur = x
    p = parent(cur)
    while p is not None:
        cur = p
        p = parent(cur)
    return cur


print(root("c"), root("a"), root("zz"))
print(parent("c"), parent("a"))
