"""A task board kept as Python objects: classes with methods, a subclass
(of a class of another module) that overrides them, a dataclass, and
Records at the canister's boundary."""

from dataclasses import dataclass

from kybra import nat8, nat64, Opt, query, update, Vec

from src.tasks import Task, TaskView


class Bug(Task):
    kind = "bug"

    def __init__(self, id: int, title: str, severity: int):
        super().__init__(id, title)
        self.severity = severity

    def label(self) -> str:
        return super().label() + "!" * self.severity


@dataclass
class Stats:
    open: int = 0
    done: int = 0


board: list[Task] = []
last_id: int = 0


def new_id() -> int:
    global last_id
    last_id += 1
    return last_id


def find(id: int) -> Opt[Task]:
    for task in board:
        if task.id == id:
            return task
    return None


@update
def add_task(title: str) -> nat64:
    task = Task(new_id(), title)
    board.append(task)
    return task.id


@update
def add_bug(title: str, severity: nat8) -> nat64:
    bug = Bug(new_id(), title, severity)
    board.append(bug)
    return bug.id


@update
def finish(id: nat64) -> bool:
    task = find(id)
    if task is None:
        return False
    task.finish()
    return True


@query
def labels() -> Vec[str]:
    return [task.label() for task in sorted(board)]


@query
def views() -> Vec[TaskView]:
    return [task.view() for task in board]


@query
def stats() -> str:
    s = Stats()
    for task in board:
        if task.done:
            s.done += 1
        else:
            s.open += 1
    return str(s)
