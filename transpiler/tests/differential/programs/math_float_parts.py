import math

for x in [0.0, -0.0, 1.0, -2.5, 8.0, 0.1, 1e300, -1e-310, 5e-324, 1.7976931348623157e308, math.inf, -math.inf, 3]:
    m, e = math.frexp(x)
    print(x, m, e, math.ldexp(m, e), math.modf(x), math.ulp(x))
print(math.frexp(math.nan), math.modf(math.nan), math.ulp(math.nan), math.frexp(True))
print(math.ldexp(1.0, 1023), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3.0, -1075))
print(math.ldexp(0.75, -1073), math.ldexp(-0.0, 5000), math.ldexp(5, 2), math.ldexp(1.5, -(10**30)))
print(math.ldexp(math.inf, -3), math.ldexp(1.0000000000000002, -1074), math.ldexp(2**60, -1100))
for args in [(1.0, 1e308), (1e30, 2.0), (1.0, -3.0)]:
    try:
        print(math.ldexp(args[0], 5000))
    except OverflowError as e:
        print("OverflowError", e)
try:
    print(math.ldexp(1.0, 10**30))
except OverflowError as e:
    print("OverflowError", e)
for a, b in [(10.0, 3.0), (11.0, 3.0), (-10.0, 3.0), (4.5, 1.0), (5.5, 1.0), (-5.5, 1.0), (1e300, 3.0), (7.0, -2.0), (3.0, math.inf), (math.nan, 1.0)]:
    print(a, b, math.remainder(a, b), math.nextafter(a, b))
for a, b in [(1.0, 0.0), (math.inf, 2.0)]:
    try:
        print(math.remainder(a, b))
    except ValueError as e:
        print("ValueError", e)
print(math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0))
print(math.nextafter(-0.0, 0.0), math.nextafter(math.inf, 0.0), math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(5e-324, 0.0))
print(math.ulp(1.0), math.ulp(-1e100), math.ulp(0.0), math.ulp(5e-324), math.ulp(10**20))
f, i = math.modf(-3.0)
print(f, i, math.modf(2.75), math.modf(-1e20))
