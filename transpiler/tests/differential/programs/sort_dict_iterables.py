counts = {"b": 3, "a": 1, "c": 3, "d": 2}
print(sorted(counts))
print(sorted(counts, reverse=True))
print(sorted(counts, key=lambda k: counts[k]))
print(sorted(counts, key=lambda k: (-counts[k], k)))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(counts.items()))
print(sorted(counts.values()))
print(sorted(counts.values(), reverse=True))
print(min(counts), max(counts), min(counts.values()), max(counts.values()))
print(max(counts, key=lambda k: counts[k]), min(counts, key=lambda k: counts[k]))
print(max(counts.items(), key=lambda kv: kv[1]))
print(sum(counts.values()), list(counts), any(counts), all(counts))
ids = {3: "x", -1: "y", 0: "z"}
print(sum(ids), min(ids), max(ids), sorted(ids), any(ids), all(ids))
empty: dict[str, int] = {}
print(sorted(empty), sum(empty.values()), any(empty), all(empty), list(empty))
print(max(empty, default="none"), min(empty.values(), default=-1))
