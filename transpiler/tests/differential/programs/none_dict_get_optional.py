users = {"ann": 31, "bob": 25}


def age_next_year(name: str) -> str:
    age = users.get(name)
    if age is None:
        return f"{name}: unknown"
    return f"{name}: {age + 1}"


for n in ["ann", "zed", "bob"]:
    print(age_next_year(n))
print(users.get("zed"), users.get("ann"))
