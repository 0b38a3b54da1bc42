stock = {"apple": 3, "pear": 0}
for fruit in ["apple", "pear", "plum"]:
    print(fruit, stock.get(fruit), stock.get(fruit, -1), fruit in stock)
counts: dict[str, int] = {}
for w in "a b a c b a d".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: kv[1], reverse=True))
maybe = stock.get("kiwi")
if maybe is None:
    print("no kiwi")
else:
    print("kiwi", maybe)
