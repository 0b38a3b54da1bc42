# expect: error: loop variable `k` is also used outside its loop
d = {"a": 1}
for k in d:
    print(k)
for k, v in d.items():
    print(k, v)
