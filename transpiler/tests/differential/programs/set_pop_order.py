s = {5, 3, 17, 1, 33, 9}
while s:
    print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print("empty:", e)
t = {1, 2, 3}
t.pop()
t.clear()
t.add(3)
t.add(4)
print(t.pop(), t)
