from typing import Optional

todos: list[dict[str, str]] = []
next_id = 1


def add(title: str) -> int:
    global next_id
    todos.append({"id": str(next_id), "title": title.strip().capitalize(), "done": "no"})
    next_id += 1
    return next_id - 1


def find(tid: int) -> Optional[dict[str, str]]:
    for t in todos:
        if t["id"] == str(tid):
            return t
    return None


def complete(tid: int) -> str:
    t = find(tid)
    if t is None:
        return f"no todo {tid}"
    if t["done"] == "yes":
        return f"already done: {t['title']}"
    t["done"] = "yes"
    return f"done: {t['title']}"


for title in ["  buy milk", "WRITE tests ", "call mom"]:
    print("added", add(title))
print(complete(2))
print(complete(2))
print(complete(9))
open_items = [t["title"] for t in todos if t["done"] == "no"]
print(len(open_items), "open:", ", ".join(open_items))
for t in todos:
    mark = "x" if t["done"] == "yes" else " "
    print(f"[{mark}] {t['id']:>3} {t['title']:<12}|")
