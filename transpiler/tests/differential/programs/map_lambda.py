nums = [1, 2, 3, 4, 5]
print(list(map(lambda n: n * n, nums)))
print(list(map(lambda n: n % 2 == 0, nums)))
print(list(map(lambda s: s.upper(), ["a", "bc"])))
strs = list(map(lambda n: str(n), nums))
print(strs, "".join(strs))
offset = 100
print(list(map(lambda n: n + offset, nums)))
print(sorted(list(map(lambda n: -n, nums))))
