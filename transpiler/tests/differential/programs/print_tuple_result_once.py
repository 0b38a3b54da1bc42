calls: list[str] = []


def pair(tag: str) -> tuple[int, str]:
    calls.append(tag)
    return (len(calls), tag)


def noisy(p: tuple[int, str]) -> int:
    calls.append(p[1])
    return -p[0]


print(pair("a"))
print(f"{pair('b')} and {pair('c')!r}", str(pair("d")))
print(max([(1, "x"), (2, "y")], key=noisy))
print(calls)
