def read(d: dict[str, int], k: str) -> int:
    try:
        return d[k]
    except KeyError as e:
        raise RuntimeError(f"config key {k} missing") from e


print(read({"a": 1}, "a"))
read({}, "zz")
