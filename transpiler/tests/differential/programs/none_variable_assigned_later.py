def main() -> None:
    best = None
    for score in [3, 9, 2, 9, 4]:
        if best is None:
            best = score
        elif score > best:
            best = score
    print(best)

    winner = None
    for name in ["x", "yy", "zzz"]:
        if len(name) > 5:
            winner = name
    print(winner)
    if winner is None:
        print("no winner")


main()
