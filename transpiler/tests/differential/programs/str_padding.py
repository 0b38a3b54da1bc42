for s in ["x", "abc", "héllo", ""]:
    print("[" + s.ljust(6, ".") + "]", "[" + s.rjust(6) + "]", "[" + s.center(7, "*") + "]", "[" + s.center(2) + "]")
for n in ["42", "-42", "+7", "", "abc", "3.5"]:
    print(repr(n.zfill(5)))
print("ab".center(5, "-"), "abc".center(6, "-"), "a".center(4, "=="[0]))
