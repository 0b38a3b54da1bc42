registry: dict[str, int] = {}
order: list[str] = []
total = 0


def register(name: str, value: int) -> None:
    global total
    if name in registry:
        total -= registry[name]
    else:
        order.append(name)
    registry[name] = value
    total += value


for name, v in [("a", 3), ("b", 5), ("a", 10), ("c", -2)]:
    register(name, v)
    print(name, total, len(registry))
print(registry, order, total)
