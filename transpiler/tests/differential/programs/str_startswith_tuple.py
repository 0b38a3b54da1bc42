print("hello.py".endswith((".py", ".txt")), "abc".startswith(("x", "a")))
files = ["a.py", "b.txt", "c.rs", "", "py"]
for f in files:
    print(repr(f), f.endswith((".py", ".txt")), f.startswith(("a", "b", "")), f.startswith(()))
exts = (".rs", ".py")
print([f for f in files if f.endswith(exts)])
prefix = "c"
print([f for f in files if f.startswith((prefix, "p"))])
def pick(s: str) -> bool:
    return s.upper().startswith(("A", "C"))
print(pick("abc"), pick("xyz"), pick("cat"))
print("héllo".startswith(("hé",)), "".endswith(("",)), "".endswith(("a",)))
