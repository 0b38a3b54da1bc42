items = [("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.125)]
print(f"{'name':<10}{'qty':>5}{'price':>8}")
print("-" * 23)
total = 0.0
for name, qty, price in items:
    cost = qty * price
    total += cost
    print(f"{name:<10}{qty:>5}{price:>8.2f}")
print(f"{'total':<15}{total:>8.2f}")
print(f"{'x':=^11}")
print(f"{-5:=6}|{5:=+6}|{-5:06}|")
