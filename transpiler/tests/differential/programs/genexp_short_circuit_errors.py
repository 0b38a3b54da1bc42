xs = [2, 1, 0, 4]
print(any(10 // x > 4 for x in xs))
print(all(10 // x > 1 for x in [50, 0]))
try:
    print(all(10 // x < 20 for x in xs))
except ZeroDivisionError as e:
    print("all raised:", e)
try:
    print(sum(10 // x for x in xs))
except ZeroDivisionError as e:
    print("sum raised:", e)
