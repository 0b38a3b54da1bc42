def find(xs: list[int], target: int) -> int:
    for i in range(len(xs)):
        if xs[i] == target:
            break
    return i

def last(xs: list[str]) -> str:
    for s in xs:
        pass
    return s

def maybe(flag: bool) -> int:
    if flag:
        y = 5
    return y

print(find([4, 5, 6], 5))
print(find([4, 5, 6], 9))
print(last(["a", "b", "c"]))
print(maybe(True))
try:
    print(maybe(False))
except UnboundLocalError as e:
    print("unbound:", e)
try:
    print(last([]))
except UnboundLocalError as e:
    print("unbound:", e)
