# expect: error: iterating over a `str` value is not supported yet
for ch in "abc":
    print(ch)
