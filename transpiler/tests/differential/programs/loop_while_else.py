n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
    if steps > 200:
        print("gave up")
        break
else:
    print("reached 1 in", steps, "steps")

k = 0
while k < 5:
    k += 1
    if k == 3:
        break
else:
    print("not printed")
print("k =", k)
