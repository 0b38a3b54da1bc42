# Powers and bit operations, with negative operands.
for base in [-3, -2, -1, 0, 1, 2, 3]:
    row: list[int] = []
    for e in range(0, 6):
        row.append(base ** e)
    print(base, row)

xs = [0, 1, -1, 5, -5, 255, -256, 2 ** 70]
for x in xs:
    print(x, x & 0xFF, x | 1, x ^ -1, ~x, x << 3, x >> 2)
print(-1 >> 10, -1024 >> 3, 1 << 100)
print(0b1010 & 0b0110, 0o17 | 0x100, 6 ^ 3)
mask = 0
for bit in [0, 3, 5, 64]:
    mask |= 1 << bit
print(mask)
print(mask >> 64, mask & (mask - 1))
