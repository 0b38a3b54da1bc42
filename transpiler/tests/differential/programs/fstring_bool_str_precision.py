flag = True
print(f"{flag}|{flag:>5}|{flag:d}|{False:x}")
s = "abcdef"
print(f"{s:.2}|{s:>8.3}|{s:^9}|{s:<3}|")
n = 1234.5
print(f"{n:n}|{1234:n}|{n:10}|{n:<10}|{-n:010}")
print(f"{0.1:.20f}|{1/3:.17g}")
print(f"{65:c}", f"{-7:o}", f"{255:08X}")
