import math

print(round(math.inf, 2), round(-math.inf, 0), round(math.nan, 3))
print(round(1e308 * 10, 1))
print(round(1e308 * 10))
