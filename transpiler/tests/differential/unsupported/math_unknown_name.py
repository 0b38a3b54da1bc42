# expect: error: module `math` has no attribute `sumprod`
import math

print(math.sumprod([1.0, 2.0], [3.0, 4.0]))
