# expect: error: a comprehension with several `for` clauses is not supported yet
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
