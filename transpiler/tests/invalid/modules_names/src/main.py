from kybra import query
from src.helpers import double, triple
from src import helpers
import src.helpers as h


@query
def get(x: int) -> int:
    from src.helpers import nothing

    return double(x)
