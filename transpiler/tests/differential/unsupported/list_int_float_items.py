# expect: error: items of one container must have one type: `int` and `float64`
values = [1, 2.0, 3]
print(values)
