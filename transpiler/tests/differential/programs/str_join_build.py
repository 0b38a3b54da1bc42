rows = [["a", "b", "c"], ["1", "22", "333"], ["", "x", ""]]
for r in rows:
    print("|".join(r), ",".join(r), "".join(r))
lines: list[str] = []
for i in range(5):
    lines.append("#" * i + "." * (4 - i))
print("\n".join(lines))
acc = ""
for w in ["alpha", "beta", "gamma"]:
    if acc:
        acc += ", "
    acc += w.upper()
print(acc)
print(" ".join([str(n) for n in range(10)]))
print("-".join(["a", "b", "c"]))
