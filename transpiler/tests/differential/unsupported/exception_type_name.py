# expect: error: attribute access is not supported yet
try:
    raise KeyError("k")
except Exception as e:
    print(type(e).__name__)
