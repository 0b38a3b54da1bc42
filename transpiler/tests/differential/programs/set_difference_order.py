a = {i * 7 for i in range(30)}
b = {i * 14 for i in range(10)}
print(a - b)
print(b - a)
print(a - {7}, a.difference([0, 7, 14, 21]))
big = {i for i in range(200)}
tiny = {3, 5}
print(len(big - tiny), tiny - big, sorted(big - tiny)[:5])
print(a - a, a - set() == a)
