data = [4, -2, 9, 0]
print(min(data), max(data), sum(data))
data.clear()
print(sum(data), len(data), data)
print(max(data))
