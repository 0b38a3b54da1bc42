a = {1, 9, 17, 25}
b = {2, 10, 18, 1}
print(a | b, b | a)
print(a.union(b), a.union([33, 41, 2]))
c = {i * 16 for i in range(6)}
print(c | a, a | c)
print(a | a, a | set())
u = a
u = u | {100}
print(a, u)
