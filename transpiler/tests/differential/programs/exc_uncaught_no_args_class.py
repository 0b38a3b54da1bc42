class Halt(Exception):
    def reason(self) -> str:
        return "halted"


def step(n: int) -> int:
    if n == 3:
        raise Halt
    return n


for i in range(5):
    print(step(i))
