d = {"a": 1}
for k in d:
    print(k)
for k, v in d.items():
    print(k, v)
