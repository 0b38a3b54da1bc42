import math

cases = [(1.0, 0.0), (5.5, 2.0), (0.0, 0.0), (-3.0, 0.5)]
for a, b in cases:
    try:
        print(a / b, a // b, a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(int(math.inf))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(int(math.nan))
except ValueError as e:
    print("ValueError:", e)
print(math.inf - math.inf)
