from typing import Optional


def norm(v: Optional[str]) -> str:
    if v is not None:
        return v.strip().lower()
    return "<none>"


vals: list[Optional[str]] = [" A ", None, "bC"]
print([norm(v) for v in vals])
n = 3
f = n * 1.0
s = str(n)
print(isinstance(n, float), isinstance(f, float), isinstance(s, str), isinstance(n, int))
