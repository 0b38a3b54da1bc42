combo = [1, 2] + [3] + [4, 5]
print(combo, combo + combo)
a = [0]
b = a + a
b[0] = 9
print(a, b)
acc: list[int] = []
for i in range(4):
    acc = acc + [i]
print(acc)
acc += [10, 11]
print(acc, len(acc))
words = ["x"] + ["y", "z"]
print(words, words + [w.upper() for w in words])
