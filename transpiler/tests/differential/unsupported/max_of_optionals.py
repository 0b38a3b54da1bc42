# expect: error: max() of `Opt[int]` values is not supported
from kybra import Opt
xs: list[Opt[int]] = [3, None, 1]
print(max(xs))
