words = "the quick brown fox jumps over the lazy dog the end".split()
unique = set(words)
print(len(unique), sorted(unique))
print("the" in unique, "cat" in unique)
vowels = {"a", "e", "i", "o", "u"}
found = {c for c in ["p", "r", "o", "g", "a", "m", "i", "n", "u", "e"] if c in vowels}
print(sorted(found))
print(sorted(unique - {"the", "dog"}))
print(sorted(unique & {"fox", "cat", "dog"}))
