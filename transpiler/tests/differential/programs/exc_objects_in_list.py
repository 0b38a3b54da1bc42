class FieldError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


def check_user(user: dict[str, str]) -> None:
    if "name" not in user:
        raise FieldError("name", "required")
    if len(user["name"]) > 8:
        raise FieldError("name", "too long")
    if "@" not in user.get("email", ""):
        raise FieldError("email", "invalid")


def main() -> None:
    users = [
        {"name": "ann", "email": "ann@x"},
        {"email": "nobody@x"},
        {"name": "bartholomew", "email": "b@x"},
        {"name": "cy", "email": "cy"},
    ]
    errors: list[FieldError] = []
    for u in users:
        try:
            check_user(u)
        except FieldError as e:
            errors.append(e)
    print(len(errors))
    for err in errors:
        print(err.field, "-", err)
    print([e.field for e in errors])
    print(sorted([e.field for e in errors]))


main()
