seed = 12345
s: set[int] = set()
t: set[int] = set()
for step in range(300):
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    v = (seed >> 8) % 97 - 20
    op = (seed >> 4) % 6
    if op < 3:
        s.add(v)
    elif op == 3:
        s.discard(v)
    elif op == 4:
        t.add(v * 3)
    else:
        t.discard(v)
    if step % 50 == 49:
        print(s)
        print(t)
        print(s | t)
        print(s & t, s ^ t)
        print(s - t)
