# expect: error: unsupported operand types for *: 'list[int]' and 'int'
zeros = [0] * 5
print(zeros)
