def withdraw_all(balances: dict[str, int], amount: int) -> list[str]:
    failures: list[str] = []
    for name in list(balances.keys()):
        try:
            if balances[name] < amount:
                raise ValueError(f"{name} has only {balances[name]}")
            balances[name] -= amount
        except ValueError as e:
            failures.append(str(e))
    return failures


b = {"x": 10, "y": 3, "z": 5}
print(withdraw_all(b, 4), b)
print(withdraw_all(b, 4), b)
