p = 2 ** 61 - 1
s = {p, p + 1, -1, -2, 0, 1, 2 ** 62, -(2 ** 62), 2 ** 100, -(2 ** 100)}
print(s)
print(-1 in s, -2 in s, p + 2 in s)
s.discard(-1)
print(s, len(s))
t = {-5, -13, -21, 3, 11}
print(t, t | {-1, -2})
big = {i * (2 ** 64) for i in range(-4, 5)}
print(big)
