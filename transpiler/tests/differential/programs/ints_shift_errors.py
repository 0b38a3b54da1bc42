for n in range(0, 70, 7):
    print(n, 1 << n, (1 << n) >> 3, -(1 << n) >> 1)
print(5 >> 10, -5 >> 10, 0 << 1000 == 0)
k = 3 - 4
print("shift by", k)
print(8 << k)
