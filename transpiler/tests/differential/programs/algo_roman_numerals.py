VALUES = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
SYMBOLS = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"]


def to_roman(n: int) -> str:
    out = ""
    for v, s in zip(VALUES, SYMBOLS):
        while n >= v:
            out += s
            n -= v
    return out


def from_roman(s: str) -> int:
    total = 0
    i = 0
    while i < len(s):
        if i + 1 < len(s) and s[i:i + 2] in SYMBOLS:
            total += VALUES[SYMBOLS.index(s[i:i + 2])]
            i += 2
        else:
            total += VALUES[SYMBOLS.index(s[i])]
            i += 1
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
