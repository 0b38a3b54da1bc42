d = {"a": 1, "b": 2}
xs = [1, 2, 3]
ops = ["pop a", "pop a", "remove 2", "remove 2", "pop b"]
for op in ops:
    kind = op.split(" ")[0]
    arg = op.split(" ")[1]
    try:
        if kind == "pop":
            print("popped", d.pop(arg))
        else:
            xs.remove(int(arg))
            print("removed", arg)
    except KeyError as e:
        print("KeyError", e)
    except ValueError as e:
        print("ValueError", e)
print(d, xs)
