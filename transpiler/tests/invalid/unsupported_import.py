import os
from kybra import query


@query
def cwd() -> str:
    return "/"
