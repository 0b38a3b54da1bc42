def hexval(s: str) -> int:
    return int(s, 16)


print([hexval(s) for s in ["0", "a", "FF", "-10", "0xdead_beef"]])
print(hexval("0x"))
