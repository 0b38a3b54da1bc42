from kybra import Opt, Record, Vec, nat64


class Todo(Record):
    id: nat64
    title: str
    done: bool
    tags: Vec[str]
    note: Opt[str]


def normalize(title: str) -> str:
    return " ".join(w.capitalize() for w in title.split())


todos: dict[int, Todo] = {}


def add(title: str, tags: list[str]) -> Todo:
    t = Todo(id=len(todos) + 1, title=normalize(title), done=False, tags=sorted(set(tags)), note=None)
    todos[t["id"]] = t
    return t


add("buy  milk", ["home", "shop", "home"])
add("write report", ["work"])
second = Todo({"id": 9, "title": "x", "done": True, "tags": [], "note": "n"})
print(second)
t = todos[1]
t["done"] = True
print(todos[1]["done"], todos[1]["title"], todos[1]["tags"])
print(sum(1 for t in todos.values() if t["done"]), len(todos))
same: Todo = {"id": 3, "title": "a", "done": False, "tags": ["z"], "note": "hi"}
print(Todo(title="a", id=3, done=False, tags=["z"], note="hi") == same)
