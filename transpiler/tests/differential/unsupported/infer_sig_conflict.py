# expect: error: parameter `xs` of `mean` is given `list[int]` and `list[float64]` values
def mean(xs):
    return sum(xs) / len(xs)


print(mean([1, 2]), mean([0.5, 1.5]))
