key, value = "a=1".split("=")
print(key, value)
