items = ["apple", "kiwi", "banana"]
counts = {"apple": 3, "kiwi": 0, "banana": 12}
for item in items:
    c = counts[item]
    print(f"{item:<8}|{c:>3}|{'none' if c == 0 else 'some':^6}|{c * 1.5:6.2f}|{item.upper()[:3]}")
total = sum([counts[i] for i in items])
print(f"total={total} avg={total / len(items):.3f} max={max(counts.values())}")
print(f"{len(items)} items: {', '.join(items)}")
print(f"{[len(i) for i in items]} {items[-1][::-1]!r}")
w = 12
print(f"{total:04d}", f"{-total:+06d}")
