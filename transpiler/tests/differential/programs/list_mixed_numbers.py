prices = [3, 1.5, 2, 0.25]
print(prices, sum(prices), max(prices), min(prices), sorted(prices))
prices.append(7)
prices[0] = 2.0
print(prices, len(prices), prices.index(7))
scaled = [p * 2 for p in prices]
print(scaled)
table = {"a": [1, 2.5], "b": [0.5, 4]}
print(table, [sum(v) for v in table.values()])
for p in [10, 2.5]:
    print(p, p / 2, p // 2, -p)
