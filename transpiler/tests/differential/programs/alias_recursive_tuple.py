from kybra import Alias, Opt, Record, Tuple, nat32

List = Tuple[str, Opt["List"]]


class Hero(Record):
    name: str
    powers: Opt[List]


def build(items: list[str]) -> Opt[List]:
    out: Opt[List] = None
    for s in reversed(items):
        out = (s, out)
    return out


def to_list(l: Opt[List]) -> list[str]:
    out: list[str] = []
    while l is not None:
        out.append(l[0])
        l = l[1]
    return out


def count(l: Opt[List]) -> int:
    if l is None:
        return 0
    head, rest = l
    return 1 + count(rest)


chain = build(["flight", "x-ray", "strength"])
print(chain)
print(to_list(chain))
print(count(chain))
h: Hero = {"name": "Clark", "powers": chain}
print(h)
print(h["powers"] == build(["flight", "x-ray", "strength"]))
print(h["powers"] == build(["flight"]))
single: List = ("only", None)
print(single, single[0], len(single))
print(str(single))
