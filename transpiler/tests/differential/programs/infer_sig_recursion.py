def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print(fact(0), fact(5), fact(25))
print([fib(i) for i in range(12)], fib(90))
print(is_even(10), is_odd(7), is_even(3))
print(gcd(48, 18), gcd(17, 5), gcd(10**30, 10**20))
