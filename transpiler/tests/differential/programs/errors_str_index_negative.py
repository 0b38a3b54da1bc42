word = "hi"
print(word[-1], word[-2])
print(word[-3])
