words = ["x", "yy"]
print(max(words), min(words))
short = [w for w in words if len(w) > 5]
print(short)
print(min(short))
