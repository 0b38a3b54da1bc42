samples = ["abc", "ABC", "Abc Def", "123", "١٢٣", "½", "²", "a1", " \t\n", "", "Hello World", "ǅ", "x y", "ÉTÉ"]
for s in samples:
    flags = [s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle()]
    print(repr(s), "".join(["1" if f else "0" for f in flags]))
