pairs: list[str] = []
for a in range(1, 6):
    for b in range(1, 6):
        if a * b > 6:
            break
        if (a + b) % 4 == 0:
            pairs.append(f"{a}+{b}")
    else:
        pairs.append(f"row {a} complete")
print(pairs)
