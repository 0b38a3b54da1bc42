items = [("pen", 3, 1.25), ("ink", 1, 7.5), ("pad", 10, 0.1)]
print(sum(q for _, q, _ in items))
print(sum(q * p for _, q, p in items))
print(round(sum(p for _, _, p in items), 2), len(items))
print(max(q * p for _, q, p in items), min(n for n, _, _ in items))
