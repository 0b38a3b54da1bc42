counts = {"pear": 3, "fig": 7, "kiwi": 7, "plum": 1}
print(max(counts, key=counts.get), min(counts, key=counts.get))
print(sorted(counts, key=counts.get))
print(sorted(counts, key=counts.get, reverse=True))
print(max(counts.keys(), key=counts.get))
print(sorted(["10", "9", "100", "-1"], key=int), max(["7", "-20", "3"], key=int))
