for n in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 70) + 3]:
    print(n, hex(n), oct(n), bin(n))
print(f"{255:x} {255:#X} {8:o} {5:#b}")
