# expect: error: `*` arguments are supported only where they all go to `*args`
def add(a: int, b: int) -> int:
    return a + b


xs = [1, 2]
print(add(*xs))
