s = "aaaa"
print(s.count("aa"), s.count("a", 1), s.count("a", -2), s.count("", 1, 3), s.count("aaaaa"))
t = "banana"
for sub in ["a", "an", "ana", "nan", "", "x"]:
    print(sub, t.count(sub), t.find(sub), t.rfind(sub))
print("üüü".count("ü"), "€€".find("€", 1))
