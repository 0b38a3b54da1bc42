class AppError(Exception):
    pass


class DbError(AppError):
    pass


class NotUnique(DbError):
    pass


class Forbidden(AppError):
    pass


def op(n: int) -> None:
    if n == 0:
        raise NotUnique("duplicate key")
    if n == 1:
        raise DbError("connection lost")
    if n == 2:
        raise Forbidden("admins only")


for n in range(4):
    try:
        op(n)
        print(n, "ok")
    except DbError as e:
        print(n, "db:", e)
    except AppError as e:
        print(n, "app:", e)
op(0)
