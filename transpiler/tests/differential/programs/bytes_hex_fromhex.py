data = "héllo".encode("utf-8")
print(data, data.hex(), len(data))
print(bytes.fromhex("deadBEEF"), bytes.fromhex("00 ff 10"), bytes.fromhex(""))
b = bytes.fromhex(data.hex())
print(b == data, b.decode("utf-8"))
print("".encode("utf-8").hex(), "A".encode("utf-8").hex())
try:
    print(bytes.fromhex("abc"))
except ValueError as e:
    print("ValueError:", e)
print(bytes.fromhex("zz"))
