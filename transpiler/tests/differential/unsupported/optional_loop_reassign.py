# expect: error: `cur` holds `int` values before this loop and `Opt[int]` values here
from typing import Optional


def next_of(n: int) -> Optional[int]:
    return None if n >= 20 else n * 2 + 1


cur: Optional[int] = 1
while cur is not None:
    print(cur)
    cur = next_of(cur)
