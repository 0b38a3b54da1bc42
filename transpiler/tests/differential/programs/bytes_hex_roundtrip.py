for s in ["", "a", "ÿ", "€", "😀", "abc\n"]:
    h = s.encode("utf-8").hex()
    back = bytes.fromhex(h).decode("utf-8")
    print(repr(s), h, len(h) // 2, back == s)
print(bytes.fromhex("  41 42\t43 "))
