def main() -> None:
    prices = {"apple": 1.25, "pear": 2.0, "fig": 0.1}
    qty = {"apple": 3, "pear": 0, "fig": 7}
    total = 0
    for name in prices:
        cost = prices[name] * qty[name]
        print(name, cost)
        total += cost
    print("total", total)
    avg = total / len(prices)
    print(f"{avg:.3f}", round(avg, 2))
    best = 0
    for name in qty:
        if qty[name] > best:
            best = qty[name]
    print(best)


main()
