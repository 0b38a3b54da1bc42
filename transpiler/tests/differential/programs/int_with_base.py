print(int("ff", 16))
