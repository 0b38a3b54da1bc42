samples = ["a\u2003b", "\u3000x\u3000", "a\x1cb\x1dc", "tab\tand\x0bvt", "nb\u00a0sp", "line\u2028sep", "\x85next"]
for s in samples:
    print(f"{s!r}", s.split(), f"{s.strip()!r}", len(s.split()))
print("ß".upper(), "ǅ".lower(), "ǅ".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("Straße".upper(), "ΣΑΣ".lower())
words = ["éclair", "zebra", "Zebra", "ångström", "apple"]
print(sorted(words), sorted(words, key=lambda w: w.lower()))
