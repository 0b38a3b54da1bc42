import math

print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18, 30))
print(math.gcd(0, 0), math.gcd(0, -5), math.gcd(2**100, 2**70 * 3), math.gcd(-(2**63), 2**62))
print(math.lcm(), math.lcm(-7), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.lcm(2**64, 3**40), math.gcd(True, 4))
print(math.factorial(0), math.factorial(1), math.factorial(5), math.factorial(20), math.factorial(21))
print(math.factorial(100))
print(len(str(math.factorial(1000))), math.factorial(True))
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 10), math.comb(52, 5), math.comb(100, 50))
print(math.comb(2**70, 2), math.comb(5, 7))
print(math.perm(5), math.perm(5, 2), math.perm(10, 0), math.perm(30, 30), math.perm(2**64, 2))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**127 - 1))
print(math.floor(3.999), math.ceil(3.001), math.trunc(-0.5), math.floor(-0.0), math.ceil(-0.5))
print(math.floor(1e20), math.ceil(-1.5e19), math.trunc(2.0**70), math.floor(10**30))
n = 7
total = 0
for k in range(n + 1):
    total += math.comb(n, k)
print(total, 2**n)
xs = [6, 10, 15]
g = 0
for x in xs:
    g = math.gcd(g, x)
print(g, math.prod(xs), math.prod(range(1, 21)), math.prod([True, True, 3]))
vals = [1.5, -2.5, 0.49999999999999994, 2.5e15 + 0.5]
print([math.floor(v) for v in vals], [math.ceil(v) for v in vals], [math.trunc(v) for v in vals])
