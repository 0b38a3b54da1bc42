def main() -> None:
    for msg in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", ""]:
        try:
            raise ValueError(msg)
        except ValueError as e:
            print(repr(e))
            print(e.args)
            print(f"[{e}]")
    try:
        raise KeyError("it's")
    except KeyError as e:
        print(str(e), repr(e))
    try:
        raise KeyError('q"uote')
    except KeyError as e:
        print(str(e), repr(e))


main()
