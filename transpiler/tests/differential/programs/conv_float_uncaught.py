def parse_all(xs: list[str]) -> list[float]:
    return [float(x) for x in xs]


print(parse_all(["1", " 2.5 ", "-3e2", "nan"]))
total = 0
for line in ["10", "0x1f", "-0b11", "0o7"]:
    total += int(line, 0)
print(total)
print(parse_all(["4", "four"]))
