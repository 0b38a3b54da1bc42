from kybra import query
from src.storage import load
from .helpers import double
from src.helpers.deep import x
from lib.util import y


@query
def get() -> str:
    from src.nowhere import thing

    return "x"
