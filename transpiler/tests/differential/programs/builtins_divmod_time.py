def fmt(seconds: int) -> str:
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    d, h = divmod(h, 24)
    return f"{d}d {h:02}:{m:02}:{s:02}"


for secs in [0, 59, 61, 3600, 86399, 90061, 10 ** 7]:
    print(secs, fmt(secs))
print(divmod(-1, 60), divmod(-61, 60))
