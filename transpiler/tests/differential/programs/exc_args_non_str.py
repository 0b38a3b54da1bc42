def main() -> None:
    try:
        raise ValueError(42)
    except ValueError as e:
        print(e, repr(e), e.args)
    try:
        raise ValueError([1, 2])
    except ValueError as e:
        print(e, repr(e), e.args)
    try:
        raise ValueError(None)
    except ValueError as e:
        print(e, repr(e), e.args)
    try:
        raise ValueError(True)
    except ValueError as e:
        print(e, repr(e), e.args)
    try:
        raise ValueError(2.5, -1)
    except ValueError as e:
        print(e, repr(e), e.args)
    try:
        raise RuntimeError({"a": 1})
    except RuntimeError as e:
        print(e, repr(e), e.args)
    try:
        raise RuntimeError((1, "x"))
    except RuntimeError as e:
        print(e, repr(e), e.args)
    n = 7
    try:
        raise ValueError(n * 6)
    except ValueError as e:
        print(e, repr(e), e.args)


main()
