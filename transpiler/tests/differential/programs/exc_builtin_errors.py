def attempt(kind: int) -> str:
    xs = [1, 2, 3]
    d = {"a": 1}
    try:
        if kind == 0:
            return str(d["b"])
        if kind == 1:
            return str(xs[10])
        if kind == 2:
            return str(1 // (kind - 2))
        if kind == 3:
            return str(int("nope"))
        if kind == 4:
            return str(xs.index(42))
        if kind == 5:
            return str(float(len("x") / 0))
        return "fine"
    except Exception as e:
        return f"{e}"


for k in range(7):
    print(k, attempt(k))
