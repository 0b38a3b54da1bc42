s = "  a  b   c d  "
print(s.split(), s.split(None, 1), s.split(maxsplit=2), s.rsplit(None, 1), s.rsplit(maxsplit=2))
t = "a,b,,c,"
print(t.split(","), t.split(",", 1), t.rsplit(",", 1), t.rsplit(",", 2), t.split(",", 0))
print("x".split(","), "".split(","), "".split(), "a::b::c".split("::"), "a::b::c".rsplit("::", 1))
print("one\ttwo\nthree\u3000four".split())
try:
    print("abc".split(""))
except ValueError as e:
    print("ValueError:", e)
