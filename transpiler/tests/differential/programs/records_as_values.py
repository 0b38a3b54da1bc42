from kybra import Record, Vec, nat


class Point(Record):
    x: int
    y: int


class Line(Record):
    start: Point
    end: Point
    label: str


def length2(l: Line) -> int:
    dx = l["end"]["x"] - l["start"]["x"]
    dy = l["end"]["y"] - l["start"]["y"]
    return dx * dx + dy * dy


a: Point = {"x": 0, "y": 0}
b: Point = {"x": 3, "y": 4}
line: Line = {"start": a, "end": b, "label": "diag"}
print(a, b)
print(line)
print(line["label"], length2(line), line["end"]["y"])
points: list[Point] = []
for i in range(4):
    p: Point = {"x": i, "y": i * i}
    points.append(p)
print(points)
print([p["y"] for p in points if p["x"] % 2 == 1])
origin: Point = {"x": 0, "y": 0}
print(a == origin, a == b, str(b))
