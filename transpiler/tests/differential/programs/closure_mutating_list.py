def build() -> list[str]:
    log: list[str] = []

    def note(msg: str) -> None:
        log.append(msg)

    def note_twice(msg: str) -> None:
        note(msg)
        note(msg + "!")

    note("start")
    note_twice("mid")
    note("end")
    return log


def histogram(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}

    def add(w: str) -> None:
        counts[w] = counts.get(w, 0) + 1

    for w in words:
        add(w)
    return counts


print(build())
print(histogram(["a", "b", "a", "c", "a"]))
