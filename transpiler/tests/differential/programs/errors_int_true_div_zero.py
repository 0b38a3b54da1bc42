n = 10
for k in [4, 5, -3]:
    print(n / k)
d = n - 10
print(n / d)
