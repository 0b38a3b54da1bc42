print(int("42"), int("-0"))
print(int("4.2"))
