words = ["banana", "Apple", "cherry", "apple", "Banana", "", "zebra", "Zebra", "a"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: len(w)))
print(min(words), max(words))
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" == "", "a" * 3 == "aaa")
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: p[1]))
