import math

for e in [1, 10, 52, 53, 54, 63, 64, 100, 1000, 1023, 1024, 1025, 2000, 5000, 100000]:
    n = 2**e
    print(e, math.log(n), math.log2(n), math.log10(n), math.log(n, 2), math.log(n, 10))
    print(e, math.log(n - 1), math.log2(n + 1), math.log10(3 * n + 7))
for d in [15, 16, 17, 18, 19, 20, 38, 39, 100, 308, 309, 400, 1000]:
    n = 10**d
    print(d, math.log10(n), math.log(n), math.log2(n), math.log(n, n // 3))
big = 3**5000
print(math.log(big), math.log(big, 3), math.log2(big), math.log10(big))
print(math.log(2**1024 - 1), math.log(2**1024 - 2**970), math.log(2**1024 - 2**969))
print(math.log(True), math.log(8, True + True), math.log1p(10**15))
try:
    print(math.log(-(10**400)))
except ValueError as e:
    print("ValueError", e)
try:
    print(math.log(10**400, 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(math.log1p(10**400))
except OverflowError as e:
    print("OverflowError", e)
i = 12345678901234567890123456789
# hypot to 12 significant digits: the runtime's (the libm crate's) may
# differ from CPython's in the last bit.
print(math.sqrt(i), math.exp(i % 50), f"{math.hypot(i, i):.12g}", math.fsum([i, 0.5, -i]))
