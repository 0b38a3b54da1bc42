empty: list[int] = []
print(sum([1, 2, 3]), sum(empty), sum([0.5, 0.25]), sum([-1, 1]))
print(any([0, 0, 1]), any(empty), all([1, 2, 3]), all(empty), all([1, 0]))
print(any([False, False]), all([True, True]))
words = ["", "a", ""]
print(any(words), all(words))
nums = [3, 8, 12, 5]
print(any([n > 10 for n in nums]), all([n > 2 for n in nums]))
print(sum([n for n in nums if n % 2 == 1]))
print(sum([True, True, False]))
