# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (1, 3), (-1, 3), (1, -3)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)

big = 10 ** 30 + 7
for d in [3, -3, 7, -7, 10 ** 15, -(10 ** 15)]:
    print(big // d, big % d, -big // d, -big % d)

q = -17
r = 5
print(q // r, q % r)
total = 0
for i in range(-10, 11):
    if i != 0:
        total += 100 // i + 100 % i
print("total", total)
print(-9 // 1, 9 // -1, -9 % 1)
