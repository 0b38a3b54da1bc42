stock = {"a": 3, "b": 0, "c": 7}
for name, qty in stock.items():
    if qty == 0:
        print("first sold-out item:", name)
        break
else:
    print("nothing sold out")
stock["b"] = 1
for name, qty in stock.items():
    if qty == 0:
        print("first sold-out item:", name)
        break
else:
    print("nothing sold out")
