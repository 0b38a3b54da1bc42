def main() -> None:
    total = 0
    for c in [150, 275]:
        total += c / 100
    print(round(total, 1))


main()
