stock = {"apple": 3, "pear": 0}
for item in ["apple", "pear"]:
    print(item, stock[item])
print(stock["banana"])
