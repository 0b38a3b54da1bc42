# expect: error: `Point(...)` takes its fields by name
from kybra import Record, int64


class Point(Record):
    x: int64
    y: int64


print(Point(1, 2))
