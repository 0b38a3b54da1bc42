MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def fmt_duration(seconds: int) -> str:
    days = seconds // DAY
    rest = seconds % DAY
    hours = rest // HOUR
    rest = rest % HOUR
    return f"{days}d {hours}h {rest // MINUTE}m {rest % MINUTE}s"


TABLE = [n * HOUR for n in range(1, 4)]
print("table", TABLE)
for s in [59, 3600, 86399, 90061, DAY * 3 + 5]:
    print(s, fmt_duration(s))
names = ["a", "b", "c"]
LOOKUP: dict[str, int] = {}
for i, n in enumerate(names):
    LOOKUP[n] = i
print(LOOKUP)
