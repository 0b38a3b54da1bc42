# expect: error: cannot tell the parameter types of this lambda
from typing import Callable

fs: list[Callable[[], int]] = [lambda: i for i in range(3)]
print([f() for f in fs])
