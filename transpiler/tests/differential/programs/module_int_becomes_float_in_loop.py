total = 0
for price in [1.25, 2.5]:
    total += price
print(total)
