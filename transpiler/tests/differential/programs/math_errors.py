import math

try:
    print("sqrt(-1)", math.sqrt(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sqrt(-1)", type(e).__name__, e)
try:
    print("sqrt(-0.0)", math.sqrt(-0.0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sqrt(-0.0)", type(e).__name__, e)
try:
    print("sqrt(big)", math.sqrt(10**400))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sqrt(big)", type(e).__name__, e)
try:
    print("log(0)", math.log(0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(0)", type(e).__name__, e)
try:
    print("log(0.0)", math.log(0.0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(0.0)", type(e).__name__, e)
try:
    print("log(-1)", math.log(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(-1)", type(e).__name__, e)
try:
    print("log(-inf)", math.log(-math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(-inf)", type(e).__name__, e)
try:
    print("log(inf)", math.log(math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(inf)", type(e).__name__, e)
try:
    print("log(nan)", math.log(math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(nan)", type(e).__name__, e)
try:
    print("log(1, 1)", math.log(1, 1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(1, 1)", type(e).__name__, e)
try:
    print("log(8, 0)", math.log(8, 0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(8, 0)", type(e).__name__, e)
try:
    print("log(8, -2)", math.log(8, -2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log(8, -2)", type(e).__name__, e)
try:
    print("log2(0)", math.log2(0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log2(0)", type(e).__name__, e)
try:
    print("log10(-5)", math.log10(-5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log10(-5)", type(e).__name__, e)
try:
    print("log1p(-1)", math.log1p(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log1p(-1)", type(e).__name__, e)
try:
    print("log1p(-2)", math.log1p(-2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("log1p(-2)", type(e).__name__, e)
try:
    print("exp(1000)", math.exp(1000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("exp(1000)", type(e).__name__, e)
try:
    print("exp(-1000)", math.exp(-1000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("exp(-1000)", type(e).__name__, e)
try:
    print("exp(inf)", math.exp(math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("exp(inf)", type(e).__name__, e)
try:
    print("exp(-inf)", math.exp(-math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("exp(-inf)", type(e).__name__, e)
try:
    print("exp2(2000)", math.exp2(2000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("exp2(2000)", type(e).__name__, e)
try:
    print("expm1(1000)", math.expm1(1000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("expm1(1000)", type(e).__name__, e)
try:
    print("sinh(1000)", math.sinh(1000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sinh(1000)", type(e).__name__, e)
try:
    print("cosh(-1000)", math.cosh(-1000))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("cosh(-1000)", type(e).__name__, e)
try:
    print("sin(inf)", math.sin(math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sin(inf)", type(e).__name__, e)
try:
    print("cos(-inf)", math.cos(-math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("cos(-inf)", type(e).__name__, e)
try:
    print("tan(inf)", math.tan(math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("tan(inf)", type(e).__name__, e)
try:
    print("sin(nan)", math.sin(math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("sin(nan)", type(e).__name__, e)
try:
    print("asin(2)", math.asin(2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("asin(2)", type(e).__name__, e)
try:
    print("acos(-1.5)", math.acos(-1.5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("acos(-1.5)", type(e).__name__, e)
try:
    print("acosh(0.5)", math.acosh(0.5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("acosh(0.5)", type(e).__name__, e)
try:
    print("atanh(1)", math.atanh(1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atanh(1)", type(e).__name__, e)
try:
    print("atanh(-1.0)", math.atanh(-1.0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atanh(-1.0)", type(e).__name__, e)
try:
    print("atanh(2)", math.atanh(2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atanh(2)", type(e).__name__, e)
try:
    print("pow(0, -1)", math.pow(0, -1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(0, -1)", type(e).__name__, e)
try:
    print("pow(0.0, -0.5)", math.pow(0.0, -0.5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(0.0, -0.5)", type(e).__name__, e)
try:
    print("pow(-8, 1/3)", math.pow(-8, 1 / 3))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(-8, 1/3)", type(e).__name__, e)
try:
    print("pow(10, 400)", math.pow(10, 400))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(10, 400)", type(e).__name__, e)
try:
    print("pow(10, -400)", math.pow(10, -400))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(10, -400)", type(e).__name__, e)
try:
    print("pow(nan, 0)", math.pow(math.nan, 0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(nan, 0)", type(e).__name__, e)
try:
    print("pow(1, nan)", math.pow(1, math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(1, nan)", type(e).__name__, e)
try:
    print("pow(inf, -3)", math.pow(-math.inf, -3))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(inf, -3)", type(e).__name__, e)
try:
    print("pow(-inf, 3)", math.pow(-math.inf, 3))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(-inf, 3)", type(e).__name__, e)
try:
    print("pow(0.5, -inf)", math.pow(0.5, -math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(0.5, -inf)", type(e).__name__, e)
try:
    print("pow(-1, inf)", math.pow(-1, math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("pow(-1, inf)", type(e).__name__, e)
try:
    print("fmod(1, 0)", math.fmod(1, 0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fmod(1, 0)", type(e).__name__, e)
try:
    print("fmod(inf, 1)", math.fmod(math.inf, 1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fmod(inf, 1)", type(e).__name__, e)
try:
    print("fmod(5, inf)", math.fmod(5, math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fmod(5, inf)", type(e).__name__, e)
try:
    print("fmod(nan, 1)", math.fmod(math.nan, 1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fmod(nan, 1)", type(e).__name__, e)
try:
    print("atan2(inf, -inf)", math.atan2(math.inf, -math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atan2(inf, -inf)", type(e).__name__, e)
try:
    print("atan2(-0.0, -1)", math.atan2(-0.0, -1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atan2(-0.0, -1)", type(e).__name__, e)
try:
    print("atan2(0, 0)", math.atan2(0, 0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("atan2(0, 0)", type(e).__name__, e)
try:
    print("copysign(1, nan)", math.copysign(1, math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("copysign(1, nan)", type(e).__name__, e)
try:
    print("ceil(inf)", math.ceil(math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("ceil(inf)", type(e).__name__, e)
try:
    print("floor(-inf)", math.floor(-math.inf))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("floor(-inf)", type(e).__name__, e)
try:
    print("floor(nan)", math.floor(math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("floor(nan)", type(e).__name__, e)
try:
    print("trunc(nan)", math.trunc(math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("trunc(nan)", type(e).__name__, e)
try:
    print("factorial(-1)", math.factorial(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("factorial(-1)", type(e).__name__, e)
try:
    print("factorial(0)", math.factorial(0))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("factorial(0)", type(e).__name__, e)
try:
    print("comb(-1, 2)", math.comb(-1, 2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("comb(-1, 2)", type(e).__name__, e)
try:
    print("comb(5, -2)", math.comb(5, -2))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("comb(5, -2)", type(e).__name__, e)
try:
    print("comb(3, 5)", math.comb(3, 5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("comb(3, 5)", type(e).__name__, e)
try:
    print("perm(-1)", math.perm(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("perm(-1)", type(e).__name__, e)
try:
    print("perm(-1, 1)", math.perm(-1, 1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("perm(-1, 1)", type(e).__name__, e)
try:
    print("perm(4, -1)", math.perm(4, -1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("perm(4, -1)", type(e).__name__, e)
try:
    print("perm(3, 5)", math.perm(3, 5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("perm(3, 5)", type(e).__name__, e)
try:
    print("isqrt(-1)", math.isqrt(-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("isqrt(-1)", type(e).__name__, e)
try:
    print("isclose tol", math.isclose(1, 2, rel_tol=-1))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("isclose tol", type(e).__name__, e)
try:
    print("isclose abs", math.isclose(1, 2, abs_tol=-0.5))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("isclose abs", type(e).__name__, e)
try:
    print("fsum inf", math.fsum([math.inf, 1.0]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fsum inf", type(e).__name__, e)
try:
    print("fsum inf-inf", math.fsum([math.inf, -math.inf]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fsum inf-inf", type(e).__name__, e)
try:
    print("fsum nan", math.fsum([math.nan, 1.0]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fsum nan", type(e).__name__, e)
try:
    print("fsum overflow", math.fsum([1e308, 1e308]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fsum overflow", type(e).__name__, e)
try:
    print("fsum big int", math.fsum([1, 10**400]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("fsum big int", type(e).__name__, e)
try:
    print("dist dims", math.dist([1.0, 2.0], [1.0]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("dist dims", type(e).__name__, e)
try:
    print("hypot inf nan", math.hypot(math.inf, math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("hypot inf nan", type(e).__name__, e)
try:
    print("hypot nan", math.hypot(1, math.nan))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("hypot nan", type(e).__name__, e)
try:
    print("hypot tiny", math.hypot(5e-324, 5e-324))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("hypot tiny", type(e).__name__, e)
try:
    print("hypot huge", math.hypot(1e308, 1e308))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("hypot huge", type(e).__name__, e)
try:
    print("isnan(big)", math.isnan(10**400))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("isnan(big)", type(e).__name__, e)
try:
    print("prod overflow", math.prod([10**400, 1.5]))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("prod overflow", type(e).__name__, e)
try:
    print("degrees(big)", math.degrees(2**1024))
except (ValueError, OverflowError, ZeroDivisionError) as e:
    print("degrees(big)", type(e).__name__, e)
