# expect: error: 'frozenset' object has no attribute 'add'
fs = frozenset([1, 2])
fs.add(3)
print(fs)
