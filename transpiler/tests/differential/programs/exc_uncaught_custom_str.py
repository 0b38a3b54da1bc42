class Denied(Exception):
    def __init__(self, who: str, action: str):
        self.who = who
        self.action = action

    def __str__(self) -> str:
        return f"{self.who} may not {self.action}"


def act(who: str, action: str) -> str:
    if who != "admin":
        raise Denied(who, action)
    return "done"


print(act("admin", "delete"))
try:
    act("guest", "read")
except Denied as e:
    print("caught:", e)
print(act("guest", "delete"))
