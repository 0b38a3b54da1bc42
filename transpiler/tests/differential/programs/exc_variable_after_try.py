def parse_all(items: list[str]) -> list[int]:
    out: list[int] = []
    for s in items:
        n = -1
        try:
            n = int(s)
        except ValueError:
            pass
        out.append(n)
    return out


print(parse_all(["1", "b", " 3 ", "4.0", "-0"]))
