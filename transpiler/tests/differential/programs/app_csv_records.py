DATA = """name,qty,price
apple,3,0.5
pear,10,0.25
melon,1,2.75
bad line
kiwi,x,1.0"""


def parse(text: str) -> list[tuple[str, int, float]]:
    header, *lines = text.split("\n")
    print("columns:", header.split(","))
    out: list[tuple[str, int, float]] = []
    for line in lines:
        try:
            name, qty, price = line.split(",")
            out.append((name, int(qty), float(price)))
        except ValueError as e:
            print(f"skip {line!r}: {e}")
    return out


records = parse(DATA)
for name, qty, price in records:
    print(f"{name:>6} {qty:3d} {qty * price:6.2f}")
total = sum(q * p for _, q, p in records)
print("total", total)
print([n for n, q, _ in records if q > 1])
