xs = [17, 4, 0, 9]
for x in xs:
    print(x, x % 5, 5 % (x + 1))
print("now", xs[2])
print(10 % xs[2])
