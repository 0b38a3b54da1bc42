def evens(n: int) -> set[int]:
    out = set()
    for i in range(n):
        if i % 2 == 0:
            out.add(i * 3)
    return out


def main() -> None:
    seen = set()
    for w in [5, 3, 5, 9, 3, 1]:
        seen.add(w)
    print(seen, len(seen))
    print(evens(10))
    grown = set()
    grown.update([8, 16, 24])
    print(grown)
    words = set()
    words.add("x")
    print(words, "x" in words)
    none_yet = set()
    print(none_yet, len(none_yet), bool(none_yet))


main()
