for s in ["key=value", "a=b=c", "novalue", "=start", "end=", ""]:
    print(s.partition("="), s.rpartition("="))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
print("a->b->c".rpartition("->"))
print("üñí=cødé".partition("="))
