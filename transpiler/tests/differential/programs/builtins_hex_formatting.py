for n in [10, 255, 4096, 65535, -1]:
    print(hex(n).upper(), hex(n)[2:].zfill(4), bin(n).count("1"), len(bin(n)) - 2, oct(n).removeprefix("0o"))
data = "Hi!".encode("utf-8")
print(data.hex(), len(data), data.hex()[::2])
