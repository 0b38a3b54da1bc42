from kybra import nat32, query

# The same work twice: `total_plain` is never called inside a `try`, so
# its errors trap where they happen (`or_raise`); `total_caught` is, so it
# returns a Result its caller's `try` inspects.


def total_plain(parts: list[str]) -> int:
    total = 0
    for p in parts:
        total += int(p) // 3
    return total


def total_caught(parts: list[str]) -> int:
    total = 0
    for p in parts:
        total += int(p) // 3
    return total


def numbers(n: nat32) -> list[str]:
    return [str(i * 7) for i in range(n)]


@query
def plain(n: nat32) -> int:
    return total_plain(numbers(n))


@query
def caught(n: nat32) -> int:
    try:
        return total_caught(numbers(n))
    except ValueError:
        return -1


@query
def caught_raising(n: nat32) -> int:
    # The same, but the last item is not a number: the exception is caught.
    parts = numbers(n)
    parts.append("x")
    try:
        return total_caught(parts)
    except ValueError:
        return -1
