d = {1: "one", 2: "two"}
names = {"a": 1}
try:
    print(d[3])
except KeyError as e:
    print("int key:", e, repr(e))
try:
    print(names["it's"])
except KeyError as e:
    print("str key:", e, repr(e))
try:
    raise KeyError("a", )
except KeyError as e:
    print(f"{e}|{e!r}")
print(names["b\n"])
