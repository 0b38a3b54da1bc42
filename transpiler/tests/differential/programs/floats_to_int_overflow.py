import math

for x in [0.5, 1e10, -1e15, 12345.678]:
    print(x, int(x), int(-x))
print(int(1e30))
big = 1e308 * 10
print("big is", big)
print(int(big))
