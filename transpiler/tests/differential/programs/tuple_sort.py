items = [(2, "b"), (1, "z")]
print(sorted(items))
