def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return f"{greeting}, {name}{punct}"


def area(w: float, h: float = 1.0) -> float:
    return w * h


def clamp(x: int, lo: int = 0, hi: int = 10) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Dee", greeting="Yo"))
print(area(2.0), area(2.0, 3.5), area(h=2.0, w=4.0))
print([clamp(v) for v in [-5, 5, 50]], clamp(50, hi=100), clamp(-5, lo=-3))
