flags = {True, False, True}
print(flags, len(flags), True in flags)
print({x > 2 for x in range(5)})
n = {None}
print(n, None in n)
