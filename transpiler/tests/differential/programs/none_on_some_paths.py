from typing import Optional


def find(xs: list[str], prefix: str) -> Optional[str]:
    for x in xs:
        if x.startswith(prefix):
            return x
    return None


names = ["alice", "bob", "carol"]
for p in ["b", "z", "ca", ""]:
    found = find(names, p)
    if found is None:
        print(p, "-> nothing")
    else:
        print(p, "->", found.upper())
