def index_of(xs: list[str], target: str) -> int:
    i = 0
    for x in xs:
        if x == target:
            return i
        i += 1
    else:
        print("not found:", target)
    return -1


print(index_of(["a", "b", "c"], "b"))
print(index_of(["a", "b", "c"], "z"))
print(index_of([], "a"))
