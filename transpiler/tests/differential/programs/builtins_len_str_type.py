values = ["abc", "", "日本"]
for v in values:
    print(len(v), str(len(v)))
print(len([1, 2, 3]), len({"a": 1}), len((1, 2)), len(b"xyz"), len(range(5)))
print(str(1), str(1.5), str(True), str(None), str([1, 2]), str({"k": (1, 2)}))
print(type(1), type("s"), type(1.0), type(True), type([1]), type({"a": 1}), type((1,)), type(None))
print(type(1) == type(2), type(1) == type(1.0))
