from src.b import g


def f() -> int:
    return g() + 1
