from typing import Optional

n = 7
maybe: Optional[int] = None
print(n, -n, n / 2, n // 2, n ** 20, -0.0, 1e-7, 1e22)
print("quote's", 'dq"', "both'\"")
print(["quote's", 'dq"'], ("t",), (1, "a", [2.0]))
print({"a": [1, 2], "b": []}, {1: "one"})
print(maybe, [maybe], b"bytes", [b"\x00\xff"])
print(True, False, [True], 3 > 2)
d = {"x": 1}
print(d.keys(), d.values(), d.items())
print(str(d.keys()), f"{d.items()}", f"{d.values()!r}")
