s = "a\u00a0b\u2003c\u200bd\te\u3000f"
print(s.split(), len(s.split()))
print(s.split(None, 2), s.rsplit(None, 2))
print("x\u0085y\u2029z".split(), " ".join("  many   spaces  here ".split()))
