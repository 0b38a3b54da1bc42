s = {1, 2, 3}
s.remove(2)
print(s)
try:
    s.remove(10)
except KeyError as e:
    print("KeyError", e)
s.discard(10)
s.discard(1)
print(s)
s.remove(99)
