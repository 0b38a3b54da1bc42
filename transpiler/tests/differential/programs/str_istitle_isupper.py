for s in ["Hello World", "Hello world", "HELLO", "hello", "123", "A1", "Ǆ", "ǅ", "Σίσυφος", "", "X Y Z", "McDonald"]:
    print(repr(s), s.istitle(), s.isupper(), s.islower(), s.isspace())
