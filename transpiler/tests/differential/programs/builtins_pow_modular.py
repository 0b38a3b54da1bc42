print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(0, 0))
print(pow(3, 200, 1000), pow(7, 0, 13), pow(5, 3, -7))
print(pow(3, -1, 7), pow(10, -1, 17), pow(2, -3, 11))
for a in [3, 5, 9]:
    inv = pow(a, -1, 11)
    print(a, inv, a * inv % 11)
print(pow(2, 100) % 1000000007, pow(2, 100, 1000000007))
try:
    print(pow(4, -1, 8))
except ValueError as e:
    print("ValueError:", e)
try:
    print(pow(3, 2, 0))
except ValueError as e:
    print("ValueError:", e)
