def main() -> None:
    balance = 0
    history = []
    for change in [10, -3, 2, -20, 5]:
        balance += change
        history.append(balance)
    print(history, balance)
    interest = balance
    interest *= 1.5
    print(interest, balance)
    avg = sum(history) / len(history) if history else 0
    print(avg)


main()
