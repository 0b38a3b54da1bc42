def chunks(xs: list[int], n: int) -> list[list[int]]:
    return [xs[i:i + n] for i in range(0, len(xs), n)]


def countdown(a: int, b: int, s: int) -> list[int]:
    out = []
    for i in range(a, b, s):
        out.append(i)
    return out


data = list(range(1, 11))
print(chunks(data, 3), chunks(data, 5))
print(countdown(10, 0, -3), countdown(0, 10, 4), countdown(0, 10, -1), list(range(5, 1, -1 * 2)))
step = 0
try:
    countdown(0, 5, step)
except ValueError as e:
    print("error:", e)
