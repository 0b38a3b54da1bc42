def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


print([n for n in range(30) if is_prime(n)])
print(is_prime(7919), is_prime(7917))
