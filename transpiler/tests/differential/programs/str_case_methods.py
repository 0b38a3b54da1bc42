samples = ["hello world", "HELLO wORLD", "they're bill's", "ß straße", "ǅungla", "éCOLE 3rd", ""]
for s in samples:
    print(repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
print("ΣΑΣ".lower(), "ﬁne".upper(), "İ".lower().encode("utf-8"))
