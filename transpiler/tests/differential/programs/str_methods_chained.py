raw = "  Hello, World! Welcome to the Internet Computer.  "
s = raw.strip()
print(s.lower().replace(",", "").replace("!", "").replace(".", "").split())
print(s.title().swapcase())
print(s.upper().center(60, "~"))
words = s.rstrip(".").split(" ")
print([w.capitalize().ljust(9, "_") for w in words])
print(" | ".join(w.strip(",!").zfill(8) for w in words))
print(s.count("o"), s.find("World"), s.rfind("e"), s.partition(" ")[2][:7])
