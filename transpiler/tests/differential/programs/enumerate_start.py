for i, w in enumerate(["a", "b"], 1):
    print(i, w)
