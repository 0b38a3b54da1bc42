def show(label: str, v: float) -> None:
    print(label, v, repr(v), str(v), f"{v}", f"{v:g}", f"{v:.2f}")


show("int-valued float", 2.0)
show("tiny", 1e-7)
show("big", 1e16)
show("neg zero", -0.0)
show("third", 1 / 3)
show("sum", 0.1 + 0.2)
print(3 / 1, 7 // 2.0, 2 ** 0.5, 10 ** -2, 2 ** -1)
