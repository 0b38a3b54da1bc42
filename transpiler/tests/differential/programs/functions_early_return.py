def classify(n: int) -> str:
    if n < 0:
        return "negative"
    if n == 0:
        return "zero"
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return f"composite (divisible by {d})"
    if n == 1:
        return "one"
    return "prime"


for n in [-4, 0, 1, 2, 9, 13, 25, 97, 100]:
    print(n, classify(n))
