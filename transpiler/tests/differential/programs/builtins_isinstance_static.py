from typing import Optional


def describe(v: Optional[int]) -> str:
    if isinstance(v, int):
        return f"int {v}"
    return "nothing"


print(describe(3), describe(None))
x = 5
s = "hi"
f = 2.5
xs = [1]
d = {"a": 1}
print(isinstance(x, int), isinstance(x, str), isinstance(s, str), isinstance(f, float))
print(isinstance(xs, list), isinstance(d, dict), isinstance(xs, dict), isinstance(True, int))
print(isinstance(x, (str, int)), isinstance(f, (int, str)))
