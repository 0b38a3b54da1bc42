class ApiError(Exception):
    status = 500
    retry = False

    def __init__(self, message: str):
        super().__init__(message)


class Throttled(ApiError):
    status = 429
    retry = True


class BadRequest(ApiError):
    status = 400


def call(n: int) -> int:
    if n == 1:
        raise Throttled("slow down")
    if n == 2:
        raise BadRequest("bad field")
    if n == 3:
        raise ApiError("internal")
    return n * 10


def main() -> None:
    for n in range(5):
        try:
            print(call(n))
        except ApiError as e:
            print(type(e).__name__, e.status, e.retry, str(e))
    print(ApiError.status, Throttled.status, BadRequest.retry)


main()
