def inner(x: int) -> int:
    try:
        return 10 // x
    except ZeroDivisionError:
        print("inner caught zero")
        raise ValueError("bad x")
    finally:
        print("inner finally", x)


def outer(x: int) -> int:
    try:
        try:
            return inner(x)
        except KeyError:
            print("never")
            return -2
        finally:
            print("middle finally")
    except ValueError as e:
        print("outer caught", e)
        return -1


print(outer(5))
print(outer(0))
