def main() -> None:
    words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    print(groups)
    for k in sorted([g for g in groups]):
        print(k, len(groups[k]), ",".join(groups[k]))
    lengths = {}
    for w in words:
        lengths.setdefault(len(w), []).append(w.upper())
    print(lengths)


main()
