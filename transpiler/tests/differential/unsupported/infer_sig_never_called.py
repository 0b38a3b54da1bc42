# expect: error: no call gives a value to parameter `x` of `unused`, so its type is unknown
def unused(x):
    return x + 1


print("hi")
