print(sorted(["bbb", "a", "cc"], key=len))
