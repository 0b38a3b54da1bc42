t = (10, 20, 30, 40)
print(t[0], t[-1], len(t), t[1], t[-4])
a, b, c, d = t
print(a + b + c + d)
pair = ("key", [1, 2])
pair[1].append(3)
print(pair, pair[1][-1])
triple = (1.5, "x", True)
print(triple, triple[2])
