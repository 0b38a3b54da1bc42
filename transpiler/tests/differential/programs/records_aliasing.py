from kybra import Record, Vec


class Account(Record):
    owner: str
    balance: int
    log: Vec[str]


def deposit(acct: Account, amount: int) -> None:
    acct["balance"] += amount
    acct["log"].append(f"+{amount}")


main: Account = {"owner": "ann", "balance": 10, "log": []}
alias = main
deposit(alias, 5)
deposit(main, 7)
print(main)
print(alias["balance"], len(alias["log"]))
copy: Account = {"owner": main["owner"], "balance": main["balance"], "log": list(main["log"])}
deposit(copy, 100)
print(main["balance"], copy["balance"], main["log"], copy["log"])
bank = [main, copy]
bank[0]["balance"] = 0
print(main["balance"], bank)
