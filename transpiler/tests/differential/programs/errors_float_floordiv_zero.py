x = 7.5
print(x // 2, x // -2)
print(x // 0.0)
