def to_int(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot convert {s!r}") from e


for s in ["12", "-3", "4.5"]:
    try:
        print(to_int(s))
    except RuntimeError as err:
        print("error:", err)
to_int("abc")
