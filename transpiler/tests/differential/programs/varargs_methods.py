class Log:
    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def add(self, *more: str, **meta: str) -> None:
        for m in more:
            self.lines.append(m)
        for k, v in meta.items():
            self.lines.append(f"{k}:{v}")

    @staticmethod
    def count(*xs: int) -> int:
        return len(xs)


log = Log("a", "b")
log.add("c", "d", who="me")
print(log.lines, Log.count(1, 2, 3), Log.count())
args = ("x",)
print(args)
