# expect: error: `:=` is not supported yet
xs = [1, 2, 3]
print([y for x in xs if (y := x * 2) > 2])
