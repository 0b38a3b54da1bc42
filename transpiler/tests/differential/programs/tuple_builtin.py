data = [3, 1, 2]
t = tuple(data)
print(t, tuple(sorted(data)), tuple("ab"), tuple({"x": 1, "y": 2}), tuple(), tuple((1, "a")))
print(len(t), t[0], t[-1], 2 in t, list(t), sum(t), tuple([7]))
s = tuple(x * 2 for x in data)
print(s, f"{s}", str(s), repr(tuple(["q"])))
for x in t:
    print(x, end=" ")
print()
