nums = [3, 1, 2]
copy = sorted(nums)
nums.sort(reverse=True)
print(nums, copy)
words = ["b", "A", "c"]
print(sorted(words), sorted(words, key=lambda w: w.upper()), words)
print(sum([x * 0.1 for x in range(10)]))
print(max([0.1, 0.2 + 0.1, 0.3]), min([-0.0, 0.0]), max([-0.0, 0.0]))
