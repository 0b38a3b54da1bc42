texts = ["10", " 20", "-30 "]
print([int(t) for t in texts])
blank = texts[0][:0]
print("parsing", f"{blank!r}")
print(int(blank))
