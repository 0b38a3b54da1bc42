from kybra import query
from src.helpers import double, triple
from src import helpers
import src.helpers


@query
def get(x: int) -> int:
    from src.helpers import nothing

    return double(x) + helpers.quadruple(x)


@query
def value() -> int:
    return helpers.double
