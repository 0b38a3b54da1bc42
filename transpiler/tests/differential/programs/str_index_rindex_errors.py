s = "one,two,three"
print(s.index(","), s.rindex(","), s.index("t", 5), s.rindex("o", 0, 6))
for sub, start in [("x", 0), ("one", 1), (",", 8)]:
    try:
        print(s.index(sub, start))
    except ValueError as e:
        print(sub, start, "->", e)
print(s.rindex("one", 1))
