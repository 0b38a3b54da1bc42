registry = {}
history = []


def register(name: str, level: int) -> None:
    registry[name] = level
    history.append(name)


def level_of(name: str) -> int:
    return registry.get(name, -1)


register("ann", 3)
register("ben", 5)
register("ann", 4)
def report() -> None:
    print(registry, history)
    print(level_of("ann"), level_of("zed"))


report()
