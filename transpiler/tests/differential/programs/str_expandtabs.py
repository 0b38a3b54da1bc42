rows = ["a\tbb\tccc", "\tx", "1234567\t8", "a\tb\nc\td", "tab\t\tdouble"]
for r in rows:
    print(repr(r.expandtabs()), repr(r.expandtabs(4)), repr(r.expandtabs(0)), repr(r.expandtabs(1)))
print("é\tx".expandtabs(3))
