s = "Hello, World! Hello, Python!"
print(s.replace("Hello", "Bye"))
print(s.replace("l", "L").replace("o", "0"))
print(s.replace("", "-")[:20])
print(s.replace("xyz", "abc") == s)
template = "Dear NAME, your order NUM is ready. Thanks, NAME!"
filled = template.replace("NAME", "Ada").replace("NUM", str(42))
print(filled)
path = "a/b/c/d.txt"
print(path.replace("/", "\\"), path.split("/")[-1], "/".join(path.split("/")[:-1]))
print("tab\tsep".replace("\t", "    "), "x".replace("x", "xx").replace("xx", "y"))
