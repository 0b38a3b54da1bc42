s = {1, 2, 3}
try:
    for x in s:
        print(x)
        if x == 2:
            s.add(10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(s)
t = {1, 2, 3}
for x in t:
    t.discard(x)
    t.add(x + 100)
print(t)
u = {5, 6}
for x in u:
    u.add(x * 2)
