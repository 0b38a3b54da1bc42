# expect: error: min() of `float64` and `int` values is not supported
print(min(2.5, 2))
