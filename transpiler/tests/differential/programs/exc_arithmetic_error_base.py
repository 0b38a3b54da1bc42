def risky(a: int, b: int) -> str:
    try:
        return str(a // b) + " " + str(a % b)
    except ArithmeticError as e:
        return "arith: " + str(e)


print(risky(7, 2), "|", risky(7, 0), "|", risky(-7, 2))
try:
    print(2.0 ** 10000)
except OverflowError as err:
    print("overflow:", err)
