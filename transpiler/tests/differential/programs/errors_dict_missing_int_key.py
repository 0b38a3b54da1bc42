squares: dict[int, int] = {}
for i in range(4):
    squares[i] = i * i
print(squares[3], squares)
print(squares[10])
