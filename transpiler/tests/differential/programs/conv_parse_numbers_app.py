def to_number(tok: str) -> str:
    tok = tok.strip()
    if tok.lower().startswith(("0x", "-0x", "0b", "0o")):
        return f"int {int(tok, 0)}"
    try:
        return f"int {int(tok)}"
    except ValueError:
        pass
    try:
        return f"float {float(tok)}"
    except ValueError as e:
        return f"error {e}"


for t in ["12", " -7 ", "0x1F", "-0X10", "0b1010", "3.25", "1e3", "inf", "-nan", "1_000", "1_0.5", "twelve", "", "0o777", "0x"]:
    try:
        print(repr(t), "->", to_number(t))
    except ValueError as e:
        print(repr(t), "-> ValueError:", e)
print(int("-" + "9" * 30) + 1)
print(int("Z" * 5, 36), int("7fffffffffffffff", 16) + 1)
