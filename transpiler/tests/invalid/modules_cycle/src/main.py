from kybra import query
from src.a import f


@query
def get() -> int:
    return f()
