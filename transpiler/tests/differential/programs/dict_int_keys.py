squares: dict[int, int] = {}
for i in range(6):
    squares[i] = i * i
print(squares)
print(squares[3], 4 in squares, 9 in squares)
cubes: dict[int, int] = {}
for i in range(-3, 4):
    cubes[i] = i ** 3
print(cubes)
neg = [v for k, v in cubes.items() if v < 0]
print(neg, len(neg))
inverse: dict[int, int] = {}
for k, v in squares.items():
    inverse[v] = k
print(inverse)
print(sorted(cubes.values(), key=lambda v: -v))
print(cubes.get(10, -1), cubes.pop(0), cubes)
