errors: list[str] = []
try:
    raise ValueError("bad value")
except ValueError as e:
    errors.append(str(e))
    errors.append(repr(e))
    errors.append(f"{e!r}")
    errors.append(f"[{e}]")
try:
    d = {"k": 1}
    print(d["missing key"])
except KeyError as e:
    errors.append(str(e))
    errors.append(repr(e))
try:
    print(1 / 0)
except ZeroDivisionError as e:
    errors.append(repr(e))
try:
    raise RuntimeError()
except RuntimeError as e:
    errors.append(f"empty:{e}|{e!r}")
for line in errors:
    print(line)
