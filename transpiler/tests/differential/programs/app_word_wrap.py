def wrap(text: str, width: int) -> list[str]:
    if width <= 0:
        raise ValueError(f"width must be positive, got {width}")
    lines: list[str] = []
    line = ""
    for word in text.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


TEXT = "The quick brown fox jumps over the lazy dog and keeps running far away"
for w in [10, 20, 4]:
    print(f"-- width {w}")
    for l in wrap(TEXT, w):
        print("|" + l.ljust(w) + "|")
print(wrap("", 5))
wrap(TEXT, 0)
