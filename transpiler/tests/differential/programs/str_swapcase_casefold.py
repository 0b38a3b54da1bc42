for s in ["Hello", "ǅ", "Straße", "ΣΑΣ", "İstanbul", "ﬀ", "Ωmega", "123abcXYZ"]:
    print(repr(s.swapcase()), repr(s.casefold()), s.casefold() == s.lower(), repr(s.upper()))
print("STRASSE".casefold() == "straße".casefold())
