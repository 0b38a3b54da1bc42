s: set[int] = set()
for i in range(40):
    s.add((i * 37) % 101)
    if i % 5 == 4:
        print(len(s), s)
t: set[int] = set()
for i in range(12):
    t.add(i * 8)
    print(t)
