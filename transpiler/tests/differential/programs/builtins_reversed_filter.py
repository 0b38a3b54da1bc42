xs = [3, 0, -2, 7, 0, 5]
print(list(reversed(xs)))
print(list(filter(lambda x: x > 0, xs)))
print(list(filter(None, xs)))
words = ["", "a", "bb", "", "ccc"]
print(list(filter(None, words)))


def is_long(w: str) -> bool:
    return len(w) > 1


print(list(filter(is_long, words)))
for w in reversed(words):
    print(repr(w), end=" ")
print()
print(sum(filter(lambda x: x % 2 == 1, xs)))
