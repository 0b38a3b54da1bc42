for i in range(5):
    print("line", i, end="; ")
print()
print("partial", end="")
items = {"k": [1, 2]}
print(items["k"][2])
