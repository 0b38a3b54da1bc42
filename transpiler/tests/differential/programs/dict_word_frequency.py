text = """the sun rose over the hills and the birds sang
while the river ran and the wind blew over the fields"""
freq: dict[str, int] = {}
for line in text.split("\n"):
    for w in line.split():
        if w in freq:
            freq[w] += 1
        else:
            freq[w] = 1
print(freq)
by_word = sorted(freq.items(), key=lambda kv: kv[0])
top = sorted(by_word, key=lambda kv: kv[1], reverse=True)
for word, n in top[:5]:
    print(f"{word:>6} {n}")
print(len(freq), sum(freq.values()))
