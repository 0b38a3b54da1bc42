def build(n: int) -> list[int]:
    return [1, 2] * n


print(len(build(3)), build(-5))
try:
    build(10**20)
except OverflowError as e:
    print("overflow:", e)
print("x" * 2 + "y" * 0)
print(build(2 ** 70))
