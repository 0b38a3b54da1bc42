def total(items: list[str]) -> int:
    t = 0
    for s in items:
        t += int(s)
    return t


print(total(["1", "2"]))
print(total(["3", "four"]))
