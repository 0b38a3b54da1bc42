def ratio(a: int, b: int) -> float:
    return a / b if b else 0


def clamp(x: float, lo: float, hi: float) -> float:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def g(n: int) -> float:
    if n > 0:
        return n
    return 0.5


print(ratio(1, 2), ratio(1, 0), g(3), g(0))
print(clamp(5, 0, 10), clamp(-1, 0, 10), clamp(2.5, 0, 10), clamp(11, 0, 9.5))
total = 0.0
for i in range(4):
    total += g(i)
print(total)
