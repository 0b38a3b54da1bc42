from kybra import Variant, match, null


class Shape(Variant, total=False):
    Circle: float
    Square: float
    Empty: null


def area(s: Shape) -> float:
    return match(s, {
        "Circle": lambda r: 3.0 * r * r,
        "Square": lambda side: side * side,
        "Empty": lambda _: 0.0,
    })


shapes: list[Shape] = [{"Circle": 1.5}, {"Square": 2.0}, {"Empty": None}, {"Circle": 0.5}]
for s in shapes:
    print(s, area(s))
print(sum([area(s) for s in shapes]))
print(["Circle" in s for s in shapes])
