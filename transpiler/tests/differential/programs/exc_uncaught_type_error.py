def check(kind: str) -> int:
    if kind not in ["a", "b"]:
        raise TypeError(f"unsupported kind: {kind}")
    return len(kind)


print(check("a"))
print(check("c"))
