BASE = [1, 2]


def get_base() -> list[int]:
    return BASE


def replace_base() -> None:
    global BASE
    BASE = [100]


x = get_base()
x.append(3)
print(BASE, x)
replace_base()
print(BASE, x)
x.append(4)
print(BASE, x)
y = get_base()
y.append(5)
print(BASE, x, y)
pair = (x, "tag")
pair[0].append(6)
print(pair, x)
nested = [x, x]
nested[0].append(7)
print(nested, len(x))
