class Timeout(Exception):
    pass


class Refused(Exception):
    pass


def call(n: int) -> str:
    if n % 3 == 0:
        raise Timeout(f"call {n} timed out")
    if n % 3 == 1:
        raise Refused(f"call {n} refused")
    return f"call {n} ok"


results: list[str] = []
for n in range(7):
    try:
        results.append(call(n))
    except Timeout as e:
        results.append("T:" + str(e))
    except Refused as e:
        results.append("R:" + str(e))
    finally:
        results.append("|")
print(" ".join(results))
