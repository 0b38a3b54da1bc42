def parse_scores(items: list[str]) -> list[int]:
    out: list[int] = []
    for s in items:
        try:
            v = int(s)
            if v < 0:
                raise ValueError(f"negative {v}")
        except ValueError as e:
            print("skip:", e)
            continue
        out.append(v)
    return out


print(parse_scores(["10", "-1", "abc", "7", " 8 "]))
