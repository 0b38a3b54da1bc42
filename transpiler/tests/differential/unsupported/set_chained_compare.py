# expect: error: chained comparisons of sets are not supported yet
a = {1}
b = {1, 2}
c = {1, 2, 3}
print(a < b < c)
