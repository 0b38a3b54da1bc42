print([x * 2 for x in reversed(range(4))])
