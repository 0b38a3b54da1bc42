def main() -> None:
    inventory = {}
    inventory["apples"] = 5
    inventory["pears"] = 2
    inventory["apples"] += 3
    print(inventory)
    print(len(inventory), sorted([k for k in inventory]))

    index = {}
    for i, w in enumerate(["b", "a", "c"]):
        index[w] = i
    print(index, index["c"])


main()
