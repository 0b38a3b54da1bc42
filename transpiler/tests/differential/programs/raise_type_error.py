def kind(n: int) -> str:
    if n > 1:
        raise TypeError("unsupported kind")
    return "fine"


print(kind(0), kind(1))
print(kind(2))
