vowels = "aeiou"
sentence = "programming in python is fun"
count = 0
for w in sentence.split():
    n = 0
    for i in range(len(w)):
        if w[i] in vowels:
            n += 1
    print(w, n)
    count += n
print("total vowels", count)
print("py" in sentence, "java" in sentence, "" in sentence, " " in sentence)
print("fun" not in sentence, "x" not in "")
