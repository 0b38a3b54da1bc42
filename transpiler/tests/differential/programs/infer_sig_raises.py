def fail(msg):
    raise ValueError(msg)


def checked_div(a, b):
    if b == 0:
        fail("division by zero")
    return a // b


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


for a, b in [(7, 2), (1, 0), (-7, 2)]:
    try:
        print(checked_div(a, b))
    except ValueError as e:
        print("error:", e)
print(parse("42"), parse("x"))
