big = 2 ** 100
neg = -(3 ** 50)
print(f"{big}", f"{big:,}", f"{big:_}", f"{big:x}", f"{big:#o}")
print(f"{neg:,}", f"{neg:x}", f"{neg:>60}|", f"{neg:+,}")
print(f"{big:e}", f"{big:.3e}", f"{neg:.2e}")
print(f"{big // 7:040d}")
print(f"{float(10 ** 30):,.2f}")
print(f"{12345678901234567890:_d}", f"{-1:b}", f"{0:#x}")
