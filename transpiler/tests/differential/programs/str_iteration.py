for ch in "abc":
    print(ch)
