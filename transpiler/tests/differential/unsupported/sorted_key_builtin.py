# expect: error: a `key` must be a lambda of one parameter or a module-level function
print(sorted(["bbb", "a", "cc"], key=len))
