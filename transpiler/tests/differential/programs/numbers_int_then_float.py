def main() -> None:
    total = 0
    print(total)
    for v in [1, 2, 3]:
        total += v
    print(total)
    total += 0.5
    print(total)
    total = total * 2
    print(total)
    count = 0
    for _ in range(4):
        count += 1
    print(count)


main()
