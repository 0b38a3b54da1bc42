# expect: error: `math.gamma()` is not supported yet
import math

print(math.gamma(5.0))
