words = ["a", "bb", "a", "ccc", "bb", "a"]
counts = {w: words.count(w) for w in words}
print(counts)
by_len = {len(w): w for w in words}
print(by_len)
flags = {w: c > 1 for w, c in counts.items()}
print(flags)
print({k: v for k, v in counts.items() if v == max(counts.values())})
