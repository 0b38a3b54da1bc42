s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("a", -4), s.find("z"))
print(s.rfind("a"), s.rfind("a", 0, 10), s.rfind("bra", -6), s.rfind(""), s.find("", 20))
print(s.index("c"), s.rindex("b"), s.index("bra", 2), s.rindex("a", 0, -1))
print(s.count("a"), s.count("a", 5), s.count("a", 1, -1), s.count(""), s.count("abra"))
print(s.startswith("cad", 4), s.endswith("abra", 0, 4))
t = "naïve café naïve"
print(t.find("ï"), t.rfind("ï"), t.count("é"), t.index("café"))
try:
    print(s.index("zz"))
except ValueError as e:
    print("ValueError:", e)
print(s.rindex("q"))
