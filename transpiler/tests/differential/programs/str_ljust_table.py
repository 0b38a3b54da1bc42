rows = [("name", "qty", "price"), ("apple", "3", "1.25"), ("kiwi", "12", "0.5"), ("ñandú", "1", "100")]
widths = [max(len(r[0]) for r in rows), max(len(r[1]) for r in rows), max(len(r[2]) for r in rows)]
for r in rows:
    print(r[0].ljust(widths[0]), "|", r[1].rjust(widths[1]), "|", r[2].center(widths[2] + 2, "."))
print("-" * (sum(widths) + 8))
