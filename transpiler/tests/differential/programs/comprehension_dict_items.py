prices = {"apple": 1.25, "bread": 2.5, "milk": 0.99, "cheese": 7.0}
cheap = [k for k, v in prices.items() if v < 2]
print(cheap)
doubled = [v * 2 for k, v in prices.items()]
print(doubled)
names = [k.upper() for k in prices]
print(names)
labels = [f"{k}={v:.2f}" for k, v in prices.items()]
print(", ".join(labels))
print(sorted(labels), sorted(labels, key=lambda s: len(s)))
totals = [len(k) * v for k, v in prices.items() if len(k) > 4]
print(totals, sum(totals))
