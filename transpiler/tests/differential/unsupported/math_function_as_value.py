# expect: error: `math.sqrt` as a value is not supported yet
import math

f = math.sqrt
print(f(4.0))
