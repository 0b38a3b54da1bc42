prices = {"tea": 3, "cake": 5}
order = ["tea", "cake", "pie", "tea"]
total = 0
missing: list[str] = []
for item in order:
    p = prices.get(item)
    if p is None:
        missing.append(item)
    else:
        total += p
print(total, missing)
for item in ["cake", "soup"]:
    price = prices.get(item)
    print(item, price, price is None, -1 if price is None else price * 2)
