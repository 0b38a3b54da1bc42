words: list[str] = []
print(min(words, default="?"))
print(max(words, key=len, default="!"))
print(max(words, key=len))
