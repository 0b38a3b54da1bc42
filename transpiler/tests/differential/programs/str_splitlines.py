text = "line one\nline two\r\nline three\rlast"
print(text.splitlines())
print("a\n\nb\n".splitlines(), "".splitlines(), "\n".splitlines())
print("x\x0by\x0cz\x1cw\u2028v\x85u".splitlines())
print("keep\nends\r\n".splitlines(True))
for i, line in enumerate(text.splitlines()):
    print(i, line.upper())
