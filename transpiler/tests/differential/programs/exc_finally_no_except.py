counter = 0


def bump(fail: bool) -> int:
    global counter
    try:
        counter += 1
        if fail:
            raise RuntimeError(f"failed at {counter}")
        return counter
    finally:
        counter += 10


print(bump(False), counter)
try:
    bump(True)
except RuntimeError as e:
    print(e, counter)
print(bump(False), counter)
bump(True)
