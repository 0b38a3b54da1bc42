print(list(range(5)), list(range(2, 7)), list(range(10, 0, -3)), list(range(0)))
print(list(range(-3, 3)), list(range(5, 5)), list(range(0, 10, 4)))
print(len(range(100)), len(range(0, 100, 7)), len(range(10, 0, -1)))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3, -4, -2):
    print(i, end=" ")
print()
print([i for i in range(20, 0, -5)])
