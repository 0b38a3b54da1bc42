def main() -> None:
    s = set()
    print(bool(s), len(s), not s)
    if not s:
        print("empty")
    s.add(0)
    print(bool(s), len(s))
    if s:
        print("has", s)
    s.discard(0)
    print(s, bool(s))
    n = len({1, 2, 3} | {3, 4})
    print(n)


main()
