text = "hello there. HOW are you? i'm FINE!  ok"
sentences: list[str] = []
rest = text
while rest:
    head, sep, rest = rest.partition(". ")
    sentences.append(head.strip().capitalize())
print(sentences)
print(". ".join(sentences))
print([w.capitalize() for w in text.split()])
