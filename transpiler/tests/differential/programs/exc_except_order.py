def classify(n: int) -> str:
    try:
        if n == 1:
            raise KeyError("k")
        if n == 2:
            raise IndexError("i")
        if n == 3:
            raise ValueError("v")
        if n == 4:
            raise ZeroDivisionError("z")
        return "none"
    except LookupError as e:
        return f"lookup {e}"
    except ArithmeticError as e:
        return f"arith {e}"
    except Exception as e:
        return f"other {e}"


for n in range(5):
    print(classify(n))
