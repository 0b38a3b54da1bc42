LIMIT = 120
is_prime: list[bool] = []
for _ in range(LIMIT + 1):
    is_prime.append(True)
is_prime[0] = False
is_prime[1] = False
i = 2
while i * i <= LIMIT:
    if is_prime[i]:
        j = i * i
        while j <= LIMIT:
            is_prime[j] = False
            j += i
    i += 1
primes = [n for n in range(LIMIT + 1) if is_prime[n]]
print(primes)
print(len(primes), sum(primes), max(primes))
twins = [(p, p + 2) for p in primes if p + 2 <= LIMIT and is_prime[p + 2]]
print(twins)
