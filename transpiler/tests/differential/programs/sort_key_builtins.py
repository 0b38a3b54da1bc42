words = ["pear", "fig", "banana", "kiwi", "Apple", "date"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.upper, reverse=True))
nums = [3, -1, -4, 1, 5, -9, 2, 6, -5]
print(sorted(nums, key=abs))
print(sorted(nums, key=abs, reverse=True))
print(sorted(nums, key=str))
print(sorted([10, 9, 100, 1], key=str))
floats = [2.5, -0.5, 1.25, -3.0]
print(sorted(floats, key=abs))
print(sorted(words, key=None))
no_words: list[str] = []
print(sorted(no_words, key=len), sorted(no_words, key=str.lower, reverse=True))
