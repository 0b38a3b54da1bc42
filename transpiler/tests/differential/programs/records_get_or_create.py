from kybra import Record, Vec


class Account(Record):
    owner: str
    balance: int
    history: Vec[int]


accounts: dict[str, Account] = {}


def get_or_create(owner: str) -> Account:
    acct = accounts.get(owner)
    if acct is None:
        acct = {"owner": owner, "balance": 100, "history": []}
        accounts[owner] = acct
    return acct


def move(src: str, dst: str, amount: int) -> str:
    a = get_or_create(src)
    b = get_or_create(dst)
    if a["balance"] < amount:
        return f"{src} has only {a['balance']:,}"
    a["balance"] -= amount
    b["balance"] += amount
    a["history"].append(-amount)
    b["history"].append(amount)
    return "ok"


print(move("ann", "bob", 30), move("bob", "ann", 500), move("bob", "cy", 130))
for name, acct in accounts.items():
    print(name, acct["balance"], acct["history"])
get_or_create("ann")["history"].append(0)
print(accounts["ann"]["history"], len(accounts))
