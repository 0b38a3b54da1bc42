# expect: error: print()'s `sep` and `end` must be string literals here
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
