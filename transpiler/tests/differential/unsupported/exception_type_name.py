# expect: error: type() of a `BaseException` value is not supported yet
try:
    raise KeyError("k")
except Exception as e:
    print(type(e).__name__)
