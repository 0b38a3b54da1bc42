def gcd(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return abs(a)


def lcm(a: int, b: int) -> int:
    return abs(a * b) // gcd(a, b)


pairs = [(12, 18), (17, 5), (0, 9), (-24, 36), (2 ** 40, 6 ** 20), (100, -75)]
for a, b in pairs:
    print(a, b, gcd(a, b), lcm(a, b) if a != 0 else 0)
acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
print("lcm 1..20 =", acc)
