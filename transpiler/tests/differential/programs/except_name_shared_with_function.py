def to_int(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad {s!r}") from e


try:
    to_int("x")
except RuntimeError as e:
    print("error:", e)
