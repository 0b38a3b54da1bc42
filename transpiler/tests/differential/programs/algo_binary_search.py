def search(xs: list[int], target: int) -> int:
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)


xs = [i * 3 for i in range(20)]
for t in [0, 3, 57, 58, -1, 100, 30]:
    print(t, search(xs, t))
