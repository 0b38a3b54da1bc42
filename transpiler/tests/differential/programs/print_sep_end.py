print()
print("a")
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print(1, 2.5, True, None, [1, 2], {"k": (1, "x")}, sep=" | ")
print("no newline", end="")
print(" -- continued")
for i in range(3):
    if i < 2:
        print(i, end=" ")
    else:
        print(i)
print("x", end="\n\n")
print("tab", "sep", sep="\t")
print("multi\nline", "value", sep="\n")
print("", sep="-")
print("end with braces", end=" {}\n")
print(f"{'f'}-string", 3, sep="{")
