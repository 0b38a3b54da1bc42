def bubble(xs: list[int]) -> int:
    swaps = 0
    n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                tmp = xs[j]
                xs[j] = xs[j + 1]
                xs[j + 1] = tmp
                swaps += 1
    return swaps


data = [5, 1, 4, 2, 8, 0, -3, 7]
copy = list(data)
print(bubble(data), data)
print(sorted(copy) == data, copy)
print(bubble(data), data)
