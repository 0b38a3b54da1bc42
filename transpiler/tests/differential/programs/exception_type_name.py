try:
    raise KeyError("k")
except Exception as e:
    print(type(e).__name__)
