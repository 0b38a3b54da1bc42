ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shift(text: str, k: int) -> str:
    out = ""
    for i in range(len(text)):
        ch = text[i]
        pos = ALPHABET.find(ch.lower())
        if pos == -1:
            out += ch
        else:
            c = ALPHABET[(pos + k) % 26]
            out += c.upper() if ch != ch.lower() else c
    return out


msg = "Hello, World! xyz"
enc = shift(msg, 3)
print(enc)
print(shift(enc, -3))
print(shift(msg, 26) == msg, shift(msg, -29))
