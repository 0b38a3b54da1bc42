def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


best = 0
best_n = 0
for n in range(1, 200):
    s = collatz_steps(n)
    if s > best:
        best = s
        best_n = n
print("longest below 200:", best_n, best)
print([collatz_steps(n) for n in range(1, 16)])
print(collatz_steps(2 ** 40 + 1))
