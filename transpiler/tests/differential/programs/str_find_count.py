text = "the cat sat on the mat with the hat"
for word in ["the", "at", "cat", "dog", "", "t"]:
    print(f"{word!r}", text.find(word), text.count(word), word in text)
print(text.startswith("the cat"), text.endswith("hat"), text.endswith("Hat"))
pos = text.find("the")
seen: list[int] = []
while pos != -1:
    seen.append(pos)
    rest = text[pos + 1:]
    found = rest.find("the")
    pos = -1 if found == -1 else pos + 1 + found
print(seen)
print("aaaa".count("aa"), "".count(""), "abc".count(""))
