from typing import Optional


def greet(name: Optional[str] = None, times: int = 1) -> str:
    who = "stranger" if name is None else name.title()
    return f"hi {who}" + "!" * times


print(greet())
print(greet("ann"))
print(greet(None, 3))
print(greet(name="bob", times=2))
