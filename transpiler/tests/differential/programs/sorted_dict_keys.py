d = {"b": 1, "a": 2}
print(sorted(d))
