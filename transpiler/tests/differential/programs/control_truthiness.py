values_int = [0, 1, -1, 2 ** 70]
values_str = ["", "a", " "]
values_float = [0.0, -0.0, 0.5]
for v in values_int:
    print(v, not not v)
for s in values_str:
    print(f"{s!r}", "truthy" if s else "falsy")
for f in values_float:
    print(f, "truthy" if f else "falsy")
empty: list[int] = []
print("list", "truthy" if [0] else "falsy", "truthy" if empty else "falsy")
d: dict[str, int] = {}
print("dict", "truthy" if d else "falsy", "truthy" if {"a": 0} else "falsy")
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, "" or "x", "a" and "b")
print(not 0, not "", not [1])
