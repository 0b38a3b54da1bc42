numbers = [10, -10, 7]
for n in numbers:
    for d in [3, -3, 1]:
        print(n, d, n // d, n % d)
acc = 0
for i in range(5):
    acc += 100 // (5 - i)
    print("step", i, acc)
print("about to divide by zero")
print(acc // (acc - acc))
