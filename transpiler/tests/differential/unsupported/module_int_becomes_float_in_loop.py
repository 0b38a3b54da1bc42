# expect: error: `total` holds `int` values before this loop and `float64` values here
total = 0
for price in [1.25, 2.5]:
    total += price
print(total)
