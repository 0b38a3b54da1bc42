def compound(principal: int, rate_pct: int, years: int) -> float:
    amount = principal
    for _ in range(years):
        amount = amount * (100 + rate_pct) / 100
    return amount


def main() -> None:
    for p, r, y in [(1000, 5, 0), (1000, 5, 1), (1000, 5, 10), (250, 0, 3)]:
        a = compound(p, r, y)
        print(p, r, y, a, round(a, 2), f"{a:,.2f}")
    balance = 0
    for cents in [150, 275, -50]:
        balance += cents / 100
    print(balance, f"{balance:.1f}")


main()
