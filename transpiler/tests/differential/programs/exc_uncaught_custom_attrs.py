class QuotaExceeded(Exception):
    def __init__(self, user: str, used: int, limit: int):
        super().__init__(f"{user} used {used} of {limit}")
        self.user = user
        self.used = used
        self.limit = limit


def consume(user: str, n: int) -> int:
    used = n * 3
    if used > 10:
        raise QuotaExceeded(user, used, 10)
    return used


print(consume("ann", 2))
print(consume("ben", 5))
