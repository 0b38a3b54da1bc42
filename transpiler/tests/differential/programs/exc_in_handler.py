def handle(n: int) -> str:
    try:
        try:
            return str(10 // n)
        except ZeroDivisionError:
            d: dict[str, int] = {}
            return str(d["missing"])
    except KeyError as e:
        return f"handler raised KeyError {e}"


print(handle(2))
print(handle(0))
