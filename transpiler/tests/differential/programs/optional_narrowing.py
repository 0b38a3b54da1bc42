from typing import Optional


def find(xs: list[int], target: int) -> Optional[int]:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None


data = [4, 8, 15, 16, 23, 42]
for t in [15, 7, 42]:
    idx = find(data, t)
    if idx is None:
        print(t, "missing")
    else:
        print(t, "at", idx, data[idx])
first = find(data, 4)
print(first, first is None, first is not None)
maybe = find(data, 99)
print(maybe, maybe is None)
if maybe is not None and maybe > 0:
    print("positive")
print(first if first is not None else -1)
