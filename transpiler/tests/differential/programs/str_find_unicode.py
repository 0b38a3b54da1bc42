s = "日本語のテキストです。日本"
print(len(s), s.find("日本"), s.rfind("日本"), s.index("テ"), s.count("本"))
print(s[s.find("の") + 1:s.find("で")])
print(s.partition("の"), s.startswith("日本", 11), s.endswith("本", 0, 2))
emoji = "a😀b😀c"
print(emoji.find("😀"), emoji.rfind("😀"), emoji.split("😀"), len(emoji))
