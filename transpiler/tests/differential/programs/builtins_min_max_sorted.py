nums = [4, -2, 9, 0, 9, -7]
print(min(nums), max(nums), sorted(nums), sorted(nums, reverse=True))
print(min(3, 1, 2), max(3, 1, 2), min(2.5, 2.0), max(-1.0, -1.5))
print(min("pear", "apple"), max(["pear", "apple", "zoo"]))
words = ["ccc", "a", "bb"]
print(sorted(words, key=lambda w: len(w)), sorted(words))
print(nums)
fl = [1.5, -0.5, 2.25]
print(min(fl), max(fl), sorted(fl))
