print(int("ff", 16), int("0b101", 0), int("  42 "), float("2.5"), float(" -1e3"))
print(int("-0x1F", 16), int("0o17", 0), int("z", 36), int("1_000"), int("+7"), int("0", 0), int("00"))
print(int("ZZ", base=36), int(" \t-101\n", 2), int("0x_ff", 16))
for b in [2, 8, 10, 16, 36]:
    print(b, int("11", b))
print(float("inf"), float("-Infinity"), float("nan"), float("1_000.5"), float(".5"), float("5."), float("1E-3"), float("+1e+2"))
print(float("  12  "), float("-0"), float("1e400"), float("123456789012345678901234567890"))
bad_ints = ["xyz", "", " ", "1__0", "_1", "1_", "0x", "12a", "--1", "0b2", "1 2"]
for s in bad_ints:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
for s, b in [("xyz", 16), ("08", 0), ("0x10", 10), ("9", 8), ("1", 1), ("1", 37), ("1", -1)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print("ValueError:", e)
bad_floats = ["abc", "", "1__0", "_1.0", "1_.0", "1._0", "1e", "e5", "--1", "inf_", "infinit", "0x10", "1,5", "1.2.3", "+-1"]
for s in bad_floats:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError:", e)
print(float("1_0e1_0"), float("-nan"), float("+inf"), float("iNF"))
