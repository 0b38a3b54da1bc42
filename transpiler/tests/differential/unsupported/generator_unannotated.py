# expect: error: `gen` is a generator: it has `yield` in its body
def gen(n: int):
    for i in range(n):
        yield i


for x in gen(3):
    print(x)
