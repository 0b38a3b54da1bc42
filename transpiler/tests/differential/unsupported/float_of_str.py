# expect: error: float() of a `str` value is not supported yet
print(float("2.5"))
