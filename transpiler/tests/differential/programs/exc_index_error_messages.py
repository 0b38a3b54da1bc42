xs = [1, 2]
s = "hi"
tests = 0
for i in [0, 1, 2, -3]:
    try:
        print(xs[i], s[i])
    except IndexError as e:
        print(i, e)
    tests += 1
try:
    xs.pop(5)
except IndexError as e:
    print(e)
empty: list[int] = []
try:
    empty.pop()
except IndexError as e:
    print(e)
print(tests)
