import math

inf = math.inf
nan = math.nan
print(inf, -inf, nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, inf > 1e308)
print(1e308 * 10, -1e308 * 10)
print(min(1.0, inf), max(-inf, -1.0))
xs = [3.5, inf, -2.0, -inf]
print(sorted(xs), sum([1.5, 2.5]), max(xs), min(xs))
print(math.pi, math.e, math.tau)
print(f"{inf}|{-inf:>8}|{nan:^7}|{inf:.2f}")
print(abs(-inf), abs(-0.0))
