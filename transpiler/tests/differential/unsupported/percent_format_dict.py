# expect: error: `%(name)s` fields (a dict of values) are not supported yet
point = {"x": 1, "y": 2}
print("%(x)s, %(y)s" % point)
