primes: list[int] = []
for n in range(2, 40):
    for p in primes:
        if p * p > n:
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
        continue
    if n % 2 == 0 and n < 10:
        print("composite", n)
print(primes)
