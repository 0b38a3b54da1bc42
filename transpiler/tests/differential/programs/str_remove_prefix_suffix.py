files = ["report.txt", "data.csv", "txt", "notes.txt.bak", ".txt"]
for f in files:
    print(f.removesuffix(".txt"), f.removeprefix("data"), f.removeprefix(""), f.removesuffix(""))
urls = ["https://a.org", "http://b.com", "ftp://c"]
print([u.removeprefix("https://").removeprefix("http://") for u in urls])
print("ööx".removeprefix("ö"), "abab".removesuffix("ab"))
