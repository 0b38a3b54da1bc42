def total_of(prices: list[float]) -> float:
    total = 0.0
    for p in prices:
        total += p
    return total


print(total_of([0.1, 0.1, 0.1]))
print(total_of([]), total_of([1e308, 1e308]), total_of([-0.0]))
print(total_of([1.5, 2.5]), total_of([0.1, 0.2, 0.3]))
