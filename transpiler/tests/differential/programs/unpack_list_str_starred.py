a, b = "k=v".split("=")
print(a, b)
first, *rest = [1, 2, 3]
print(first, rest)
*init, last = [1, 2, 3]
print(init, last)
x, *mid, y = [1, 2, 3, 4, 5]
print(x, mid, y)
p, *q, r = "ab"
print(p, q, r)
c1, c2, c3 = "xyz"
print(c1, c2, c3)
only, = [42]
print(only)
h, *t = (1, 2, 3)
print(h, t)
for k, v in [["a", "1"], ["b", "2"]]:
    print(k + v)
for i, (u, w) in enumerate(["ab", "cd"]):
    print(i, u, w)
for head, *tail in [[1, 2, 3], [4]]:
    print(head, tail)


def parse(line: str) -> tuple[str, int]:
    key, value = line.split(":")
    return key.strip(), int(value)


print(parse("x: 5"))
for line in ["a:1", "b", "c:2:3"]:
    try:
        print(parse(line))
    except ValueError as e:
        print("ValueError:", e)
empty: list[int] = []
for xs in [empty, [1], [1, 2]]:
    try:
        f, *m, l = xs
        print(f, m, l)
    except ValueError as e:
        print("ValueError:", e)
try:
    e1, e2 = ""
except ValueError as e:
    print("ValueError:", e)
