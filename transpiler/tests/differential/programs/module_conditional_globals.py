import math

DEBUG = len("x") > 5
if DEBUG:
    LEVEL = "verbose"
    LIMIT = 100
else:
    LEVEL = "quiet"
    LIMIT = 3


def log(msg: str) -> None:
    if LEVEL == "verbose":
        print("[v]", msg)
    else:
        print(msg[:LIMIT])


steps = 0
acc = 1.0
while acc < 100:
    acc *= math.e
    steps += 1
    log(f"step {steps}: {acc:.3f}")
RESULT = (steps, round(acc, 2))


def report() -> str:
    return f"{RESULT} {LEVEL} {LIMIT}"


print(report())
LIMIT = 50
log("now with a longer limit applied")
