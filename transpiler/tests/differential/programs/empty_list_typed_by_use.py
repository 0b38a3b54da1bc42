def main() -> None:
    evens = []
    odds = []
    for i in range(10):
        if i % 2 == 0:
            evens.append(i)
        else:
            odds.append(i * 1.5)
    print(evens, odds)
    names = []
    names.append("z")
    names.extend(["a", "m"])
    names.sort()
    print(names)
    never = []
    print(never, len(never))


main()
