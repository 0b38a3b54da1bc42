from typing import Optional


def label(name: Optional[str] = None, count: int = 0) -> str:
    if name is None:
        return f"anonymous x{count}"
    return f"{name} x{count}"


print(label())
print(label("ann"))
print(label(count=3))
print(label("bob", 2))
values: list[Optional[int]] = [1, None, 3, None]
total = 0
for v in values:
    if v is not None:
        total += v
print(values, total)
print([v for v in values if v is not None])
