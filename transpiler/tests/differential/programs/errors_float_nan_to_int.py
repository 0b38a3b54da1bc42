import math

values = [1.5, -2.5, math.inf - math.inf]
print(values[0] + values[1])
print(values)
print(int(values[2]))
