xs = [3, 1, 2]
assert sorted(xs) == [1, 2, 3]
try:
    assert xs == [1, 2, 3]
except AssertionError as e:
    print("caught", repr(e), "[" + str(e) + "]")
print("before")
assert xs[0] > 5
print("after")
