print(min(["bbb", "a", "cc"], key=len))
