s = {5, -3, 2, -8}
print(sorted(s), sorted(s, key=abs), sorted(s, key=abs, reverse=True))
print(min(s), max(s), min(s, key=abs), max(s, key=abs), sum(s), any(s), all(s))
words = frozenset(["kiwi", "fig", "apple"])
print(sorted(words, key=len), max(words, key=len), min(words))
e: set[int] = set()
print(sorted(e), max(e, default=None), sum(e), any(e), all(e))
