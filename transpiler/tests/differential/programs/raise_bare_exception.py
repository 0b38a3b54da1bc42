total = 0
for i in range(4):
    total += i
print(total)
if total == 6:
    raise Exception("total was six")
