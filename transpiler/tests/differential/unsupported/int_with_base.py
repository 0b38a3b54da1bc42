# expect: error: int() takes one argument here
print(int("ff", 16))
