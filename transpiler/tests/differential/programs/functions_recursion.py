def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def power(base: int, exp: int) -> int:
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    if exp % 2 == 0:
        return half * half
    return half * half * base


print([fact(i) for i in range(10)])
print(fact(25))
print([fib(i) for i in range(15)])
print(power(3, 50), power(2, 100) == 2 ** 100)
