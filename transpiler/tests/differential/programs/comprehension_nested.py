table = [[i * j for j in range(1, 5)] for i in range(1, 5)]
print(table)
rows = [[x for x in row if x % 2 == 0] for row in table]
print(rows)
words = ["apple", "bob", "kayak", "tree"]
pal = [w for w in words if w == w[::-1]]
print(pal)
lengths = [[len(w), len(w.upper())] for w in words]
print(lengths)
firsts = [[w[i] for i in range(len(w)) if i < 2] for w in words]
print(firsts)
sums = [sum(row) for row in table]
print(sums, max(sums))
