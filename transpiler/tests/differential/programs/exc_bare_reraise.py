attempts: list[str] = []


def risky(k: str) -> int:
    d = {"a": 1}
    try:
        return d[k]
    except KeyError:
        attempts.append(k)
        raise


for key in ["a", "b"]:
    try:
        print(risky(key))
    except KeyError as e:
        print("outer got", repr(e))
print(attempts)
risky("missing")
