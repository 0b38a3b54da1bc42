# Unbounded integers: products, powers and mixed signs.
a = 2 ** 64
b = 3 ** 40
print(a, b)
print(a * b, a + b, a - b, b - a)
print(a * a * a)
c = -(2 ** 63)
print(c, c - 1, c * -1, abs(c))
fact = 1
for i in range(1, 31):
    fact *= i
print("30! =", fact)
print(fact // (2 ** 20), fact % 1000003)
fib_a = 0
fib_b = 1
for _ in range(150):
    fib_a, fib_b = fib_b, fib_a + fib_b
print("fib150 =", fib_a)
print(len(str(fact)), str(fact)[:5], str(fib_a)[-5:])
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(int("123456789012345678901234567890") * 2)
print(a == 18446744073709551616, a > b, -a < -b)
