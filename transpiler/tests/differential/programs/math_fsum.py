import math

print(math.fsum([0.1] * 10) == 1.0, math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e-16, 1.0, 1e16]), math.fsum([1e16, 1.0, 1e-16]))
print(math.fsum([1.0, 1e100, 1.0, -1e100] * 1000))
print(math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([2.0**53, 1.0, 2.0**-100]))
print(math.fsum([-0.0, -0.0]), math.fsum([0.5, -0.5]), math.fsum([1, 2, True]))
print(math.fsum((0.1, 0.2, 0.3)), math.fsum({1, 2, 5}), math.fsum(range(10)))
print(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]))
print(math.fsum([math.inf, math.inf]), math.fsum([-math.inf, 1.0, 2.0]))
xs: list[float] = []
seed = 12345
for i in range(2000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    xs.append((seed / 2147483648.0 - 0.5) * 10.0 ** (seed % 40 - 20))
print(math.fsum(xs), sum(xs), math.fsum(x * x for x in xs))
print(math.fsum([x * 1e-3 for x in xs]), math.fsum(sorted(xs)) == math.fsum(xs))
ys = [x for x in xs] + [-x for x in xs]
print(math.fsum(ys))
vals = [1, 2.5, 3]
print(math.fsum(vals), math.prod(vals), math.hypot(*vals), math.hypot(*xs[:5]))
print(math.dist((1, 2.5), (4, 6.5)), math.dist(xs[:10], xs[10:20]), math.hypot(xs[0], xs[1], xs[2]))
print(math.isclose(math.fsum(xs), sum(xs), rel_tol=1e-6), math.isclose(1e-300, 2e-300, abs_tol=1e-299))
# Overflow is decided on the running total since the last inf or nan.
for case in [[1e308, math.inf, 1e308], [math.inf, 1e308, 1e308], [1.7976931348623157e308, 1e292], [1.7976931348623157e308, 9.979201547673598e291], [1e308, 1e308, -1e308], [1e308, -1e308, 1e308], [math.inf, math.nan, -math.inf], [math.nan, math.inf], [5e-324, -1e-310, 2.5e-320]]:
    try:
        print(math.fsum(case))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
