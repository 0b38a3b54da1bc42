paths = ["/usr/local/bin/python", "relative/file.tar.gz", "noslash", "/", "trailing/"]
for p in paths:
    print(p.rsplit("/", 1), p.split("/", 1), p.rpartition("/")[2], p.rsplit(".", 1)[0])
print("a.b.c.d".rsplit(".", 2), "a.b.c.d".split(".", 2), "a b  c".rsplit(" ", 1))
