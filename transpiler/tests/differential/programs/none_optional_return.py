from typing import Optional


def parse(s: str) -> Optional[int]:
    if s.lstrip("-").isdigit():
        return int(s)
    return None


results: list[str] = []
for s in ["5", "-12", "x", "", "007"]:
    v = parse(s)
    results.append("None" if v is None else str(v * 2))
print(results)
print(parse("x"), parse("3"))
