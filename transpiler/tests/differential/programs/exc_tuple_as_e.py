def parse(s: str) -> int:
    return int(s)


def lookup(d: dict[str, int], k: str) -> int:
    return d[k]


data = {"a": 1, "b": 2}
for item in ["1", "x", "a", "zz", "7"]:
    try:
        if item.isdigit():
            v = parse(item)
        elif len(item) == 1:
            v = lookup(data, item)
        else:
            v = lookup(data, item) + parse(item)
        print("value", v)
    except (KeyError, ValueError) as e:
        print("caught", e)
print("done")
