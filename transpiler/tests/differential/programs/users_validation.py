from typing import Dict, List, Optional


class ValidationError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


class User:
    def __init__(self, name: str, email: str, age: int):
        self.name = name
        self.email = email
        self.age = age
        self.tags: List[str] = []

    def __repr__(self) -> str:
        return f"User({self.name!r}, {self.age})"


users: Dict[str, User] = {}


def validate(name: str, email: str, age: int) -> None:
    if not name or not name[0].isupper():
        raise ValidationError("name", "must start with a capital letter")
    if "@" not in email or email.count("@") != 1:
        raise ValidationError("email", f"invalid address {email!r}")
    local, _, domain = email.partition("@")
    if not local or "." not in domain:
        raise ValidationError("email", "bad domain")
    if not 0 < age < 150:
        raise ValidationError("age", f"{age} out of range")


def register(name: str, email: str, age: int) -> str:
    try:
        validate(name, email, age)
    except ValidationError as e:
        return f"rejected ({e.field}) {e}"
    if email in {u.email for u in users.values()}:
        return "duplicate email"
    users[name] = User(name, email, age)
    return "ok"


def by_age(lo: int, hi: int) -> List[User]:
    return sorted((u for u in users.values() if lo <= u.age <= hi), key=lambda u: (u.age, u.name))


def initials() -> str:
    return "".join(n[0] for n in sorted(users))


def average_age() -> Optional[float]:
    if not users:
        return None
    return round(sum(u.age for u in users.values()) / len(users), 2)


for args in [("Ann", "ann@x.org", 31), ("bob", "bob@x.org", 20), ("Cid", "cid.x.org", 40),
             ("Dee", "dee@xorg", 25), ("Eve", "eve@x.org", 200), ("Fay", "ann@x.org", 22),
             ("Gus", "gus@y.com", 45), ("Hal", "hal@y.com", 31)]:
    print(args[0], register(*args))
print(by_age(30, 50))
print(initials(), average_age())
for u in users.values():
    u.tags.extend(t for t in ["adult", "senior"] if (t == "adult" and u.age >= 18) or (t == "senior" and u.age >= 45))
print({n: u.tags for n, u in users.items()})
oldest = max(users.values(), key=lambda u: u.age)
print(f"oldest: {oldest.name} ({oldest.age}), {len([u for u in users.values() if u.age > 30])} over 30")
