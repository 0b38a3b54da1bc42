# expect: error: sorting `Opt[int]` values is not supported
from kybra import Opt
xs: list[Opt[int]] = [3, None, 1]
xs.sort()
print(xs)
