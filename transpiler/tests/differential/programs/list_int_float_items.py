values = [1, 2.0, 3]
print(values)
