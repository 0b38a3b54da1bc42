class Retry(Exception):
    def __init__(self, attempts: int):
        super().__init__(f"after {attempts}")
        self.attempts = attempts


def attempt(n: int) -> int:
    raise Retry(n)


def with_retries(limit: int) -> int:
    tries = 0
    while True:
        try:
            return attempt(tries)
        except Retry as e:
            tries += 1
            if tries >= limit:
                e.attempts = tries
                raise e


def bare(limit: int) -> int:
    try:
        return attempt(limit)
    except Retry:
        print("bare re-raise")
        raise


def main() -> None:
    try:
        with_retries(3)
    except Retry as e:
        print("gave up", e.attempts, e, e.args)
    try:
        bare(7)
    except Retry as e:
        print("outer", e.attempts, repr(e))


main()
