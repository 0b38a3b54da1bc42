class Problem(Exception):
    def __init__(self, code: int, detail: str):
        if code >= 500:
            severity = "server"
        elif code >= 400:
            severity = "client"
        else:
            severity = "info"
        super().__init__(f"{severity} problem {code}")
        self.code = code
        self.severity = severity
        self.detail = detail.strip()
        self.tags = [severity, str(code)]


def main() -> None:
    for code in [200, 404, 503]:
        try:
            raise Problem(code, "  details here  ")
        except Problem as e:
            print(e, "|", e.severity, "|", e.detail, "|", e.tags, "|", e.args)


main()
