def build_squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


SQUARES = build_squares(8)
TOTAL = sum(SQUARES)
LABEL = "sum=" + str(TOTAL)


def describe(i: int) -> str:
    return f"{i}^2 = {SQUARES[i]} of {TOTAL}"


print(LABEL)
for i in range(0, 8, 3):
    print(describe(i))
SQUARES.append(64)
print(len(SQUARES), describe(8))
