index: dict[str, list[int]] = {}
words = "to be or not to be that is".split()
for i, w in enumerate(words):
    index.setdefault(w, []).append(i)
print(index)
counts: dict[str, int] = {}
for ch in ["a", "b", "a"]:
    print(counts.setdefault(ch, 0))
    counts[ch] += 1
print(counts)
