def validate(name: str) -> str:
    if not name:
        raise ValueError("empty name")
    if not name.isalpha():
        raise ValueError(f"invalid name {name!r}")
    return name.title()


def register_all(names: list[str]) -> list[str]:
    done: list[str] = []
    for n in names:
        done.append(validate(n))
    return done


def safe_register(names: list[str]) -> str:
    try:
        return ", ".join(register_all(names))
    except ValueError as e:
        return f"failed: {e}"


print(safe_register(["ann", "bob"]))
print(safe_register(["ann", "b0b", "cy"]))
print(safe_register(["", "x"]))
print(register_all(["zoë", "r2d2"]))
