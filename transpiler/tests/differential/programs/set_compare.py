a = {1, 2, 3}
b = {1, 2, 3, 4}
c = {3, 2, 1}
print(a == c, a != c, a == b, a != b)
print(a <= b, a < b, b <= a, b < a, a <= c, a < c)
print(b >= a, b > a, a >= b, a > c, a >= c)
print(a.issubset(b), b.issuperset(a), a.issubset([1, 2, 3]), a.isdisjoint({7, 8}), a.isdisjoint(b))
print(set() <= a, set() < a, frozenset(a) == a, a == frozenset([1, 2, 3]))
