class ValidationError(ValueError):
    def __init__(self, field: str, problems: list[str]):
        super().__init__(f"{field}: {len(problems)} problem(s)")
        self.field = field
        self.problems = problems

    def summary(self) -> str:
        return self.field + " -> " + ", ".join(self.problems)

    def count(self) -> int:
        return len(self.problems)

    def worst(self) -> str:
        if not self.problems:
            return "none"
        best = self.problems[0]
        for p in self.problems:
            if len(p) > len(best):
                best = p
        return best


def validate(name: str) -> str:
    problems: list[str] = []
    if len(name) < 3:
        problems.append("too short")
    if not name.isalpha():
        problems.append("not alphabetic")
    if name != name.lower():
        problems.append("not lower case")
    if problems:
        raise ValidationError("name", problems)
    return name


def main() -> None:
    for n in ["alice", "B2", "Bob", "x"]:
        try:
            print("valid:", validate(n))
        except ValidationError as e:
            print(e)
            print(e.summary(), e.count(), e.worst())
        except ValueError:
            print("never")


main()
