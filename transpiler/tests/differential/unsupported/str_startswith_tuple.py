# expect: error: expected `str`, found `tuple[str, str]`
print("abc".startswith(("x", "ab")))
