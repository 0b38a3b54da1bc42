from kybra import nat64, int8

def clamp8(v: int) -> int8:
    if v > 127:
        return 127
    if v < -128:
        return -128
    return v

counter: nat64 = 0
for i in range(5):
    counter += i * 1000
print(counter, type(counter))
vals = [clamp8(v) for v in [-500, -3, 0, 90, 1000]]
print(vals, sum(vals))
big: nat64 = 2 ** 63
print(big + big - 1, (big + big - 1) // 3)
