class Empty(Exception):
    pass


def pop(xs: list[int]) -> int:
    if not xs:
        raise Empty()
    return xs.pop()


stack = [1, 2]
while True:
    try:
        print(pop(stack))
    except Empty as e:
        print("empty!", repr(e), "[" + str(e) + "]")
        break
raise Empty
