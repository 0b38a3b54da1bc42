def gen(n):
    for i in range(n):
        yield i * 2


def words(text):
    for w in text.split():
        yield w.title()


def pairs(xs):
    for i, x in enumerate(xs):
        yield i, x
    yield from [(-1, "end")]


def nothing_yet():
    return
    yield


for x in gen(3):
    print(x)
print(list(words("hello big world")))
print(list(pairs(["a", "b"])))
print(sum(gen(5)))
