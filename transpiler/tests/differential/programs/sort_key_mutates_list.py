xs = [3, 1, 2]


def k(x: int) -> int:
    xs.append(x)
    return -x


try:
    xs.sort(key=k, reverse=True)
except ValueError as e:
    print("caught", e)
print(xs)
ys = [5, 4]
ys.sort(key=lambda y: len(ys) - y, reverse=True)
print(ys)
