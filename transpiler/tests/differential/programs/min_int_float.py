print(min(2.5, 2))
