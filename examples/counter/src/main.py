from kybra import ic, nat64, Principal, query, update, void

# A heap counter: kept between calls, reset by an upgrade.
count: nat64 = 0
# Who incremented it last, as principal text ("" before the first increment).
last_caller: str = ""


@query
def get() -> nat64:
    return count


@update
def increment() -> nat64:
    global count, last_caller
    count += 1
    last_caller = str(ic.caller())
    return count


@update
def add(amount: nat64) -> nat64:
    global count
    count += amount  # traps if the sum leaves nat64's range
    ic.print(f"count is now {count}")
    return count


@update
def reset() -> void:
    global count
    count = 0


@query
def last_incremented_by() -> str:
    return last_caller


@query
def whoami() -> Principal:
    return ic.caller()
