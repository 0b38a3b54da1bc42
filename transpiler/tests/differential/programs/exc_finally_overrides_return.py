def f() -> str:
    try:
        return "try"
    finally:
        print("finally runs before the caller sees the value")


def g(n: int) -> int:
    total = 0
    for i in range(n):
        try:
            if i == 2:
                return total
            total += i
        finally:
            print("iteration", i, "total", total)
    return -1


print(f())
print(g(5))
print(g(2))
