from typing import Optional


def next_of(n: int) -> Optional[int]:
    if n >= 20:
        return None
    return n * 2 + 1


cur = next_of(0)
steps: list[int] = []
while cur is not None:
    steps.append(cur)
    cur = next_of(cur)
print(steps, cur)
x: Optional[str] = "hello"
if x:
    print(x.upper())
x = None
if not x:
    print("empty now")
