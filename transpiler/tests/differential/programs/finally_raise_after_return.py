def g() -> int:
    try:
        return 1
    finally:
        print("cleanup")
        raise KeyError("from finally")


try:
    g()
except KeyError as err:
    print("caught", err)
