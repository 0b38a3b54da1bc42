for s in ["hello", "hELLO wORLD", "o'neil mcdonald", "3rd place", "a-b_c d", "ß", "ǆemal", "ΣΙΣΥΦΟΣ", "   ", "x1y2"]:
    print(repr(s.title()), s.title().istitle(), repr(s.capitalize()))
