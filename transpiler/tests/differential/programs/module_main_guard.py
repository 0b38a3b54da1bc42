def fib(n: int) -> list[int]:
    out = [0, 1]
    while len(out) < n:
        out.append(out[-1] + out[-2])
    return out[:n]


def main() -> None:
    print(__name__)
    seq = fib(12)
    print(seq)
    print(sum(seq), max(seq))


print("top level runs first")
if __name__ == "__main__":
    main()
else:
    print("imported")
