log: list[str] = []
levels = {"DEBUG": 0, "INFO": 1, "WARN": 2, "ERROR": 3}


def emit(level: str, msg: str) -> None:
    if level not in levels:
        raise ValueError(f"unknown level {level}")
    log.append(f"{level:<5}|{msg}")


def process(items: list[str]) -> int:
    ok = 0
    for it in items:
        try:
            n = int(it)
            emit("DEBUG", f"parsed {n}")
            ok += 1
        except ValueError:
            emit("WARN", f"skip {it!r}")
        finally:
            emit("INFO", "step")
    return ok


print(process(["1", "two", "3"]))
def summary() -> None:
    by_level = {}
    for line in log:
        lv = line.partition("|")[0].strip()
        by_level[lv] = by_level.get(lv, 0) + 1
    print(by_level)


summary()
print("\n".join(log))
emit("FATAL", "boom")
