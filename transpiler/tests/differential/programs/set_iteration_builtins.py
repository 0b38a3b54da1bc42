s = {12, 4, 99, -3, 40, 7}
print(sorted(s), sorted(s, reverse=True))
print(list(s), sum(s), min(s), max(s))
print(any(x > 50 for x in s), all(x > 0 for x in s))
total = 0
for x in s:
    total += x
print(total)
for i, y in enumerate(s):
    print(i, y)
print([z * 2 for z in s])
print(len(s), len({0}), len(s - s))
