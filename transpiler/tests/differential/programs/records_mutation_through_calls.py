from kybra import Record, Vec


class Box(Record):
    items: Vec[int]
    label: str


def fill(b: Box, n: int) -> Box:
    for i in range(n):
        b["items"].append(i)
    return b


a: Box = {"items": [], "label": "a"}
b = fill(a, 3)
b["label"] = "b"
print(a, b, a == b)
boxes = [a, fill({"items": [9], "label": "c"}, 1)]
boxes[1]["items"].append(99)
print(boxes)
shared = a["items"]
shared.clear()
print(a, boxes[0])
