texts = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline", "bell\x07", "\x00nul", "é ü", "emoji 🙂", "\u200b zero width", "\x7f del", "\ud7ff"]
for t in texts:
    print(f"{t!r}", len(t))
print(texts[:3])
print({"k'": "v\"", "\n": "\t"})
print((texts[1],), [b"it's", b'"q"', b"\\"])
