tests = 0
for s in ["abc", "1e5", "  ", "12"]:
    try:
        print(int(s) * 2)
    except ValueError as e:
        print(e)
    tests += 1
try:
    print([1, 2].index(3))
except ValueError as e:
    print(e)
try:
    print("abc".index("d"))
except ValueError as e:
    print(e)
try:
    print("a b".split(""))
except ValueError as e:
    print(e)
print(tests)
