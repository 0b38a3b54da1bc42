def read_limit() -> int:
    return LIMIT


def describe() -> str:
    return f"limit={read_limit()}"


print("before the assignment")
LIMIT = 10
print(describe())
LIMIT = LIMIT * 2
print(describe())
del_me = [read_limit()]
print(del_me)


def read_late() -> int:
    return LATE


print("reading LATE before it exists")
print(read_late())
LATE = 1
