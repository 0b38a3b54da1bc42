"""Module-level code: computed globals, loops and prints run when the
canister starts (install), and again after an upgrade (the heap is new)."""

from kybra import nat64, query, update, Vec, void

MINUTE = 60
log: list[str] = []
starts = 0
HOUR = 60 * MINUTE


def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


TABLE = squares(5)
for i in range(3):
    log.append(f"boot {i}")
print("module-level code ran:", len(log), "entries")
starts += 1


@query
def get_table() -> Vec[int]:
    return TABLE


@query
def hour() -> nat64:
    return HOUR


@update
def add_log(entry: str) -> void:
    log.append(entry)


@query
def get_log() -> Vec[str]:
    return log


@query
def get_starts() -> int:
    return starts
