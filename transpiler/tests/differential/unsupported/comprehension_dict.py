# expect: error: dict comprehensions are not supported yet
squares = {i: i * i for i in range(5)}
print(squares)
