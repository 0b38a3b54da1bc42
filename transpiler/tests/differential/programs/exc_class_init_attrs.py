class HttpError(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason


def fetch(path: str) -> str:
    if path == "/missing":
        raise HttpError(404, "Not Found")
    if path == "/boom":
        raise HttpError(500, "Server Error")
    return "ok " + path


def main() -> None:
    for p in ["/", "/missing", "/boom"]:
        try:
            print(fetch(p))
        except HttpError as e:
            print("status", e.status, "reason", e.reason)
            print("str:", e)
            print("repr:", repr(e))
            print("args:", e.args)
            print(e.status >= 500)


main()
