words = ["pear", "fig", "banana", "kiwi", "plum"]
print(max(words, key=len), min(words, key=len))
# ties: the first one wins, for both min and max
print(max(["aa", "bb", "c"], key=len), min(["aa", "bb", "c", "d"], key=len))
print(max(words, key=lambda w: w[-1]), min(words, key=lambda w: (len(w), w)))
print(max(3, -7, 5, key=abs), min(3, -7, -3, key=abs))
print(max("pear", "fig", key=len), min("kiwi", "plum", key=len))
nums = [4, -8, 15, -16, 23, -42]
print(max(nums, key=abs), min(nums, key=abs), max(nums, key=lambda n: -n))
no_words: list[str] = []
no_nums: list[int] = []
print(max(no_words, key=len, default="nothing"), min(no_nums, default=0))
print(max(nums, default=0, key=abs))
print(min([2.5, -1.5, 0.5], key=abs))
