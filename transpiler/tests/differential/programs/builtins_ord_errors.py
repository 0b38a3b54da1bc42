print(ord("x"))
print(ord("ü"))
print(ord("ab"))
