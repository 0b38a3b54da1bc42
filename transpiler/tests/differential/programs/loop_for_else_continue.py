total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    print("loop finished, total", total)

for i in range(3):
    if i < 5:
        continue
    print(i)
else:
    print("else after only continues")
