xs = ["a", "b", "c"]
print(xs.pop(1), xs)
print(xs.pop(-1), xs)
print(xs.pop(5))
