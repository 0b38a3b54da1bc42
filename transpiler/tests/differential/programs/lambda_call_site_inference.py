def main() -> None:
    double = lambda x: x * 2
    print(double(4))
    greet = lambda name, n: (name + " ") * n
    print(greet("hi", 3))
    base = 100
    offset = lambda v: v + base
    print(offset(5), offset(-5))


main()
