total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
prices = [19.99, 5.01, 3.5, 100.0, 0.01]
subtotal = sum(prices)
tax = subtotal * 0.08
print(subtotal, tax, subtotal + tax)
print(f"{subtotal:.2f} {tax:.2f} {subtotal + tax:.2f}")
avg = subtotal / len(prices)
print("avg", avg)
halves = [p / 2 for p in prices]
print(halves)
mean = sum(halves) / len(halves)
var = sum([(h - mean) ** 2 for h in halves]) / len(halves)
print(mean, var, var ** 0.5)
