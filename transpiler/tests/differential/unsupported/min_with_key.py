# expect: error: keyword arguments are not supported yet
print(min(["bbb", "a", "cc"], key=len))
