prices = {"a": 3, "b": 4}
print([prices[k] for k in ["a", "b"]])
print([prices[k] * 2 for k in ["b", "c", "a"]])
