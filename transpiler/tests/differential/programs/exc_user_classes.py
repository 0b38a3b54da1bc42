class NotFound(KeyError):
    pass


class BadInput(ValueError):
    pass


class Overdrawn(Exception):
    pass


def find(d: dict[str, int], k: str) -> int:
    if k not in d:
        raise NotFound(k)
    return d[k]


def check(n: int) -> int:
    if n < 0:
        raise BadInput(f"negative: {n}")
    return n


accounts = {"alice": 10}
for name in ["alice", "bob"]:
    try:
        print(find(accounts, name))
    except KeyError as e:
        print("KeyError caught:", e)
for n in [3, -2]:
    try:
        print(check(n))
    except ValueError as e:
        print("ValueError caught:", e)
try:
    raise Overdrawn("balance too low")
except Exception as e:
    print(e)
raise NotFound("carol")
