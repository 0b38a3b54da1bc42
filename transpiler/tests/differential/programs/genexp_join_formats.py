table = {"apple": 1.5, "kiwi": 0.25, "banana": 12.0}
print("\n".join(f"{k:<8}{v:>8.2f}" for k, v in table.items()))
print(", ".join(f"{k}={v!r}" for k, v in table.items()))
print("|".join(str(len(k)) for k in table))
print(" ".join(k[::-1].upper() for k in table if "a" in k))
