def main() -> None:
    errors = {}
    values = ["1", "x", "0", "5", "", "y", "-2"]
    total = 0
    for v in values:
        try:
            total += 100 // int(v)
        except ValueError:
            errors["value"] = errors.get("value", 0) + 1
        except ZeroDivisionError:
            errors["zero"] = errors.get("zero", 0) + 1
    print(total, errors)


main()
