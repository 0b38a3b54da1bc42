nums = list(range(-5, 16))
print([n for n in nums if n > 0 if n % 3 == 0])
print([n * n for n in nums if n % 2 != 0])
print([abs(n) for n in nums if n < 0])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print(len([n for n in nums if n > 100]), [n for n in nums if n > 100])
print(sum([n for n in nums if n > 0]), max([n * -1 for n in nums]))
evens = [n // 2 for n in nums if n % 2 == 0 and n > 0]
print(evens)
