people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19), ("ed", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: len(p[0])))
print(sorted(people, key=lambda p: p[0], reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=lambda n: abs(n)))
print(sorted(nums, key=lambda n: n % 3))
nums.sort(key=lambda n: -n)
print(nums)
words = ["kiwi", "Apple", "fig", "banana", "Cherry"]
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=lambda w: len(w))
print(words)
