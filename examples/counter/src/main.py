from kybra import ic, nat64, query, update, void

# A heap counter: kept between calls, reset by an upgrade.
count: nat64 = 0


@query
def get() -> nat64:
    return count


@update
def increment() -> nat64:
    global count
    count += 1
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
