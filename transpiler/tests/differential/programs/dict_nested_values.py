groups: dict[str, list[int]] = {}
for n in range(1, 16):
    key = "even" if n % 2 == 0 else "odd"
    if key not in groups:
        groups[key] = []
    groups[key].append(n)
print(groups)
lists = groups["odd"]
lists.append(99)
print(groups["odd"][-1])
table = {"x": {"a": 1}, "y": {"b": 2}}
table["x"]["c"] = 3
print(table)
