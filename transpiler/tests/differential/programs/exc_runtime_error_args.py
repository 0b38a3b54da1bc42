def main() -> None:
    d: dict[str, int] = {}
    xs = [1, 2]
    try:
        print(1 // len(d))
    except ZeroDivisionError as e:
        print(repr(e), e.args, len(e.args))
    try:
        print(xs[5])
    except IndexError as e:
        print(repr(e), e.args)
    try:
        print(d["nope"])
    except KeyError as e:
        print(repr(e), e.args, str(e))
    try:
        print(int("4x"))
    except ValueError as e:
        print(repr(e), e.args)
    try:
        xs.remove(9)
    except ValueError as e:
        print(repr(e), e.args)


main()
