class MissingUser(LookupError):
    pass


def get(users: dict[str, int], name: str, idx: int) -> int:
    if name not in users:
        raise MissingUser(name)
    xs = [users[name]]
    return xs[idx]


for name, idx in [("a", 0), ("b", 0), ("a", 1)]:
    try:
        print(get({"a": 5}, name, idx))
    except LookupError as e:
        print("lookup failed:", repr(e))
