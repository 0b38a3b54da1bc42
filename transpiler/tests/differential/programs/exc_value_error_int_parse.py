samples = ["42", " 7 ", "-0", "+5", "1_000", "3.0", "", "0x10", "4 2"]
for s in samples:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "error:", e)
