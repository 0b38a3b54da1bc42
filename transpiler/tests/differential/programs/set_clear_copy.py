s = {10, 20, 30}
c = s.copy()
s.clear()
print(s, c, len(s))
s.add(1)
print(s, c)
c.clear()
print(c, c == set(), s == c)
