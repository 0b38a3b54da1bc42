words = ["hello", "wörld", ""]
for w in words:
    try:
        print(w.index("l"), w.rindex("l"))
    except ValueError as e:
        print(repr(w), "->", e)
    try:
        print(w[0], w[-1])
    except IndexError as e:
        print("IndexError:", e)
