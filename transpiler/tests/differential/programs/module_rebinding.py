value = 10
print(value, type(value))
value = "ten"
print(value, type(value))
value = [10]
value.append(11)
print(value)
value = 2.5
print(value * 2)
total = 0
for i in range(5):
    total = total + i
print(total)
if total > 5:
    msg = "big"
else:
    msg = "small"
print(msg)
