print(float(10 ** 300), float(-(10 ** 308)))
print(2 ** 1023 * 1.0 > 1e307)
big = 10 ** 400
print(len(str(big)))
print(float(big))
