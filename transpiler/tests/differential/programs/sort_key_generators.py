def main() -> None:
    words = ["delta", "alpha", "charlie", "bravo", "echo"]
    print(max((w for w in words if "a" in w), key=len))
    print(sorted((w.upper() for w in words), key=lambda w: w[-1]))
    print(max(enumerate(words), key=lambda p: len(p[1])))
    print(min(enumerate([4, 2, 9, 2]), key=lambda p: p[1]))
    print(sorted(zip(words, [3, 1, 2, 1, 0]), key=lambda p: (p[1], p[0])))
    print(sorted(range(-3, 4), key=abs), max(range(5), key=lambda i: (i * 7) % 5))
    print(sorted(words, key=str.casefold), sorted(["b", "C", "a"], key=str.swapcase))


main()
