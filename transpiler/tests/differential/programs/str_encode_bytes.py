words = ["abc", "héllo", "", "a b"]
for w in words:
    b = w.encode("utf-8")
    print(w, b, len(b), b[:2], b[::-1])
raw = b"\x00\x01\xff hi"
print(raw, len(raw), raw[0], raw[2], raw[-1])
print(b"abc" + b"def", b"ab" * 2, b"" == b"")
print(b"abc"[1:], b"a" < b"b")
