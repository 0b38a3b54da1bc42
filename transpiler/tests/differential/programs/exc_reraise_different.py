class AppError(Exception):
    pass


def load(k: str) -> int:
    cfg = {"port": "80", "host": "x"}
    try:
        return int(cfg[k])
    except KeyError:
        raise AppError(f"missing setting {k}")
    except ValueError as e:
        raise AppError(f"bad setting {k}: {e}")


for k in ["port", "host", "user"]:
    try:
        print(k, load(k))
    except AppError as err:
        print("AppError", err)
