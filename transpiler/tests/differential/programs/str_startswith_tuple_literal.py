print("abc".startswith(("x", "ab")))
