def lookup(d: dict[str, int], k: str) -> int:
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"no entry {k!r}") from None


print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
