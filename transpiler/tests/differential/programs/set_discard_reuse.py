s = {0, 8, 16, 24}
print(s)
s.discard(8)
s.add(32)
print(s)
s.discard(0)
s.discard(16)
s.add(40)
s.add(48)
print(s, len(s))
for i in range(30):
    s.add(i * 8)
    if i % 3 == 0:
        s.discard(i * 4)
print(s)
