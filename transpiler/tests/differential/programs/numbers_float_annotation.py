x: float = 0
print(x)
x += 1
print(x)
y: float = 3
print(y / 2, y // 2, y * 2)


def scale(v: float) -> float:
    return v * 2


print(scale(4))
print(scale(1.25))
z: float = -7
print(abs(z), z)
