from typing import Dict, List, Tuple

inventory: Dict[str, Dict[str, int]] = {}
log: List[Tuple[str, int]] = []


def restock(store: str, item: str, qty: int) -> int:
    shelf = inventory.setdefault(store, {})
    shelf[item] = shelf.get(item, 0) + qty
    log.append((f"{store}/{item}", qty))
    return shelf[item]


def sell(store: str, item: str, qty: int) -> int:
    try:
        have = inventory[store][item]
    except KeyError:
        raise ValueError(f"{item!r} not stocked at {store}") from None
    if have < qty:
        raise ValueError(f"only {have} {item} left")
    inventory[store][item] = have - qty
    if inventory[store][item] == 0:
        del inventory[store][item]
    log.append((f"{store}/{item}", -qty))
    return have - qty


def word_freq(text: str) -> List[Tuple[str, int]]:
    counts: Dict[str, int] = {}
    for raw in text.split():
        w = raw.strip(".,!?;:").lower()
        if w:
            counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]


restock("north", "apple", 5)
restock("north", "pear", 2)
restock("south", "apple", 1)
print(sell("north", "apple", 3))
for store, item, qty in [("north", "pear", 5), ("south", "kiwi", 1), ("north", "pear", 2)]:
    try:
        print("left:", sell(store, item, qty))
    except ValueError as e:
        print("error:", e)
print(inventory)
print(log[-2:], len(log))
print(word_freq("The cat and the hat. The end, and THE cat!"))
totals = {s: sum(items.values()) for s, items in inventory.items()}
print(totals, max(totals, key=totals.get))
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
print(list(zip(matrix[0], matrix[1])))
flat = [x for row in matrix for x in row if x % 2]
print(flat, any(x > 8 for x in flat), all(x % 2 for x in flat))
s = "Hello, World"
print(s[::-1], s[7:], s.swapcase(), s.count("l"), s.find("World"), f"{len(s):03d}")
print("-".join(str(n) for n in range(5)), "%s has %d items" % ("cart", 3))
