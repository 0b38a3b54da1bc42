def rot(s: str, k: int) -> str:
    out: list[str] = []
    for c in s.split(" "):
        word = ""
        for j in range(len(c)):
            ch = c[j]
            if "a" <= ch <= "z":
                word += chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
            else:
                word += ch
        out.append(word)
    return " ".join(out)


msg = "hello world, zebra!"
enc = rot(msg, 3)
print(enc)
print(rot(enc, -3))
print(rot(msg, 26) == msg)
