zeros = [0] * 5
print(zeros)
