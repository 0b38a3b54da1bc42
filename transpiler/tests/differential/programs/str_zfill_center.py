for n in [7, -7, 12345, 0]:
    print(str(n).zfill(4), str(n).rjust(4, "0"), str(n).center(8, "."))
print("ü".center(4, "*"), "üb".ljust(4, "·") + "|", "x".rjust(3, "→"))
print("-".center(0), "ab".zfill(1), "".zfill(3))
