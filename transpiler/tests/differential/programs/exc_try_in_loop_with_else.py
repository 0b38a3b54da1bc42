def first_valid(items: list[str]) -> int:
    for s in items:
        try:
            n = int(s)
        except ValueError:
            continue
        else:
            if n > 0:
                return n
        finally:
            print("checked", repr(s))
    else:
        print("no valid item")
    return -1


print(first_valid(["a", "-3", "12", "5"]))
print(first_valid(["x", "0"]))
