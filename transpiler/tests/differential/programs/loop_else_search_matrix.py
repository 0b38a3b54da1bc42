grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def locate(target: int) -> str:
    r = 0
    for row in grid:
        c = 0
        for v in row:
            if v == target:
                break
            c += 1
        else:
            r += 1
            continue
        return f"{target} at ({r}, {c})"
    else:
        return f"{target} missing"


for t in [5, 9, 1, 10]:
    print(locate(t))
