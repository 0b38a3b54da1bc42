for s in ["123", "²³", "½", "٣", "Ⅻ", "一", "1.5", "-1", "٣4", "𝟘"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum())
