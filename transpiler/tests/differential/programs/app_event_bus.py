# An event bus: handlers registered per topic as closures over their own
# state, a dispatcher that counts deliveries, and a middleware chain.
from typing import Callable

Handler = Callable[[str], None]


def make_bus() -> tuple[Callable[[str, Callable[[str], None]], None], Callable[[str, str], int]]:
    topics: dict[str, list[Callable[[str], None]]] = {}
    delivered = 0

    def subscribe(topic: str, handler: Callable[[str], None]) -> None:
        if topic not in topics:
            topics[topic] = []
        topics[topic].append(handler)

    def publish(topic: str, payload: str) -> int:
        nonlocal delivered
        if topic not in topics:
            return 0
        for h in topics[topic]:
            h(payload)
            delivered += 1
        return delivered

    return (subscribe, publish)


def make_logger(prefix: str, sink: list[str]) -> Handler:
    def log(msg: str) -> None:
        sink.append(prefix + ": " + msg)

    return log


def with_middleware(steps: list[Callable[[str], str]], final: Callable[[str], None]) -> Callable[[str], None]:
    def run(msg: str) -> None:
        for step in steps:
            msg = step(msg)
        final(msg)

    return run


lines: list[str] = []
bus = make_bus()
subscribe = bus[0]
publish = bus[1]
subscribe("orders", make_logger("audit", lines))
subscribe("orders", with_middleware([lambda s: s.strip(), lambda s: s.upper()], make_logger("ops", lines)))
subscribe("users", make_logger("users", lines))
print(publish("orders", "  new order 1 "))
print(publish("users", "alice joined"))
print(publish("nobody", "ignored"))
print(publish("orders", "order 2"))
for line in lines:
    print(line)
