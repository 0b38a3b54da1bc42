for i in range(2147483647, 2147483640, -2):
    print(i, i * 3)
for j in range(0, 10 ** 12, 300000000000):
    print(j, j * j)
for k in range(-5, -2147483650, -700000000):
    print(k, k - 1)
n = 40
x = 1
while n > 0:
    x = x * 3
    n -= 1
print(x, x > 2 ** 63)
total = 0
for a in range(100):
    for b in range(100):
        total += a * b * 1000000007
print(total)
