print(float("2.5"))
