def parse(line: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in line.split(";"):
        k, sep, v = part.partition(":")
        if sep:
            out[k.strip()] = v.strip()
        elif part.strip():
            out[part.strip()] = ""
    return out


print(parse("a: 1; b:2 ;flag; c: x:y;"))
print(parse(""))
print(parse("only"))
