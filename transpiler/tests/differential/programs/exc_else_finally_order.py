log: list[str] = []


def step(n: int) -> int:
    log.append(f"start {n}")
    try:
        if n == 0:
            raise ValueError("zero")
        r = 10 // n
    except ValueError as e:
        log.append(f"except {e}")
        r = -1
    else:
        log.append("else")
        r += 1
    finally:
        log.append("finally")
    log.append(f"end {r}")
    return r


print(step(2))
print(step(0))
print(step(5))
for line in log:
    print(line)
