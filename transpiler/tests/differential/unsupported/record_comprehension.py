# expect: error: expected `list[Point]`, found `list[dict[str, int]]`
from kybra import Record


class Point(Record):
    x: int
    y: int


points: list[Point] = [{"x": i, "y": i * i} for i in range(4)]
print(points)
