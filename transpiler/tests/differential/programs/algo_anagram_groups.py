words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups: dict[str, list[str]] = {}
for w in words:
    letters: list[str] = []
    for i in range(len(w)):
        letters.append(w[i])
    key = "".join(sorted(letters))
    if key in groups:
        groups[key].append(w)
    else:
        groups[key] = [w]
for key, members in groups.items():
    print(key, members)
print(sorted([len(m) for m in groups.values()], reverse=True))
