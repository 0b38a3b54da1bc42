def run(n: int) -> str:
    def label(k: int):
        if k % 2 == 0:
            return "even"
        return "odd"

    def halve(k: int):
        return k // 2

    parts = []
    for i in range(n):
        parts.append(label(i) + str(halve(i)))
    return ",".join(parts)


print(run(5))
