"""The tasks of the board: a Record for the canister's interface and the
class the board keeps."""

from kybra import nat64, Record


class TaskView(Record):
    id: nat64
    title: str
    done: bool
    kind: str


class Task:
    kind = "task"

    def __init__(self, id: int, title: str):
        self.id = id
        self.title = title
        self.done = False

    def finish(self) -> None:
        self.done = True

    def label(self) -> str:
        mark = "x" if self.done else " "
        return f"[{mark}] {self.title}"

    def view(self) -> TaskView:
        return {"id": self.id, "title": self.title, "done": self.done, "kind": self.kind}

    def __lt__(self, other: "Task") -> bool:
        return self.title < other.title
