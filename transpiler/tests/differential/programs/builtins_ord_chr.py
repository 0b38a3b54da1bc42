for s in ["A", "z", "0", " ", "é", "€", "😀", "\n"]:
    print(repr(s), ord(s), repr(chr(ord(s))))
print("".join([chr(c) for c in range(97, 103)]))
print([ord(c) for c in ["a", "b"]])
print(chr(0x1F600) == "😀", chr(955))
try:
    print(chr(-1))
except ValueError as e:
    print("ValueError:", e)
try:
    print(chr(0x110000))
except ValueError as e:
    print("ValueError:", e)
