points = {(0, 0), (1, 2), (2, 1), (1, 2), (-1, -1)}
print(points, len(points))
print((1, 2) in points, (2, 2) in points)
moved = {(x + 1, y) for (x, y) in points}
print(moved)
print(points & moved, len(points | moved), sorted([x * 10 + y for (x, y) in points | moved]))
