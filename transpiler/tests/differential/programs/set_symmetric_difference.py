a = {1, 2, 3, 9, 17}
b = {3, 4, 5, 17, 25}
print(a ^ b, b ^ a)
print(a.symmetric_difference(b), a.symmetric_difference([1, 100]))
print(a ^ a, a ^ set())
c = a.copy()
c.symmetric_difference_update(b)
print(c)
