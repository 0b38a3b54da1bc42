rows = 4
out = ""
for r in range(rows):
    line = ""
    for c in range(rows):
        line += "#" if (r + c) % 2 == 0 else "."
    out += line + "\n"
print(out, end="")
parts: list[str] = []
for i in range(1, 6):
    parts.append(str(i) * i)
print("+".join(parts), len("".join(parts)))
csv = "\n".join([",".join([str(r * c) for c in range(4)]) for r in range(3)])
print(csv)
print(csv.split("\n")[1].split(",")[2])
