for s in ["  hi  ", "xxhixx", "\t\n both \r\n", "...wow!!!", "", "ünïcödé  "]:
    print(repr(s.strip()), repr(s.strip("x")), repr(s.lstrip(" .")), repr(s.rstrip("!\n ")))
print(repr("\u3000full width\u3000".strip()), repr("\x1c\x1dsep\x1e\x1f".strip()))
