# Helpers without annotations take their types from their calls.
def add(a, b):
    return a + b


def greet(name, punct="!"):
    return "hi " + name + punct


def describe(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    return "positive"


print(add(1, 2), add(10**20, 1))
print(greet("x", punct=""))
print(greet("bob"), greet("al", "?"), greet(name="cy", punct="."))
for n in (-3, 0, 8):
    print(n, describe(n))
