def inv(x: int) -> float:
    return 1 / x


rows = [[1, 2, 4], [3, 0, 1], [2, 5]]
for row in rows:
    try:
        vals = [inv(x) for x in row]
        print("ok", vals)
    except ZeroDivisionError as e:
        print("row failed:", e)

try:
    d = {k: 10 // k for k in [5, 2, 0, 1]}
    print(d)
except ZeroDivisionError:
    print("dict comprehension failed")

try:
    total = sum(int(s) for s in ["1", "2", "three"])
    print(total)
except ValueError as e:
    print("generator failed:", e)
