# expect: error: unpacking a `list[str]` value is not supported yet
key, value = "a=1".split("=")
print(key, value)
