colors = ["red", "green", "blue"]
for i, c in enumerate(colors):
    print(i, c)
print(list(enumerate(colors)))
codes = [1, 2, 3, 4]
for c, n in zip(colors, codes):
    print(c, n)
print(list(zip(colors, codes)))
print(list(zip(codes, codes[1:])))
letters = ["x", "y"]
print([f"{a}{b}{c}" for a, b, c in zip(letters, colors, codes)])
none: list[int] = []
print(list(zip(colors, none)))
