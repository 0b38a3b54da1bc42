from kybra import query

@query
def f(a: int) -> str:
    if a > 3:
        y = 1
    else:
        y = "s"
    return f"{y}"

@query
def g(a: int) -> int:
    t = 0
    while a > 0:
        t = "x"
        a -= 1
    return 0

@query
def h(a: int) -> float:
    t = 0
    t += 0.5
    return t
