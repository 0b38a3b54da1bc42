def key(w: str) -> int:
    if w == "boom":
        raise ValueError("bad word: " + w)
    return len(w)


print(sorted(["a", "bb"], key=key))
print(sorted(["a", "boom", "bb"], key=key))
