def main() -> None:
    try:
        raise ValueError("one")
    except ValueError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise ValueError("two", "parts")
    except ValueError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise RuntimeError(1, 2, 3)
    except RuntimeError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise TypeError()
    except TypeError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise IndexError
    except IndexError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise ValueError("")
    except ValueError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    empty = ""
    try:
        raise ValueError(empty)
    except ValueError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))
    try:
        raise ValueError("x", "")
    except ValueError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, len(e.args))


main()
