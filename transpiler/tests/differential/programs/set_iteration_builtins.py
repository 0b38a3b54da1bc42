s = {12, 4, 99, -3, 40, 7}
print(sorted(s), sorted(s, reverse=True))
print(list(s), sum(s), min(s), max(s))
print(any(x > 50 for x in s), all(x > 0 for x in s))
total = 0
for x in s:
    total += x
print(total)
for i, x in enumerate(s):
    print(i, x)
print([x * 2 for x in s])
print(len(s), len({0}), len(set()))
