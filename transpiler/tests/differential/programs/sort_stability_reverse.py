# reverse=True keeps equal items in their original order: it is not the
# reverse of the stable sort.
items = [("a", 2), ("b", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 2)]
print(sorted(items, key=lambda kv: kv[1]))
print(sorted(items, key=lambda kv: kv[1], reverse=True))
print(list(reversed(sorted(items, key=lambda kv: kv[1]))))
xs = list(items)
xs.sort(key=lambda kv: kv[1], reverse=True)
print(xs)
xs.sort(key=lambda kv: kv[1])
print(xs)
words = ["bb", "a", "cc", "d", "eee", "ff"]
print(sorted(words, key=len, reverse=True))
ys = list(words)
ys.sort(key=len, reverse=True)
print(ys)
print(sorted([0, -0, 1, -1], key=abs, reverse=True))
