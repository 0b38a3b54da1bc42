squares = {i: i * i for i in range(5)}
print(squares)
