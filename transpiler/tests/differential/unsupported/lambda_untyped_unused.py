# expect: error: cannot tell the parameter types of `f`
def main() -> None:
    f = lambda x: x
    print("never called")


main()
