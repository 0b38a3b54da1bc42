inventory = {"apple": 3, "pear": 5}


def take(name: str, n: int) -> int:
    if name not in inventory:
        raise KeyError(name)
    inventory[name] -= n
    return inventory[name]


print(take("apple", 1), take("pear", 2))
print(inventory)
take("plum", 1)
