a = {i * 3 for i in range(20)}
b = {i * 5 for i in range(12)}
print(a & b, b & a)
print(a.intersection(b), a.intersection([45, 0, 30, 15, 99]))
small = {30, 15, 0}
print(small & a, a & small)
print(a & set(), set() & a, a & a == a)
