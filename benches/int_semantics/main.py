from kybra import nat64, query, update

count: nat64 = 0


@update
def increment() -> nat64:
    global count
    count += 1
    return count


@query
def sum_values(n: nat64) -> nat64:
    total: nat64 = 0
    for i in range(n):
        total += i
    return total
