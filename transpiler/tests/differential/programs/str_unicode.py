texts = ["héllo", "naïve café", "日本語", "emoji 🙂 ok", "ß", "Ωmega"]
for t in texts:
    print(t, len(t), t.upper(), t.lower(), t[::-1], t[:2])
print("é" in "café", "日本" in "日本語", "café".find("é"))
print(f"{'日本':>6}|{'é':*^5}|")
print(sorted(["é", "e", "z", "日"]))
b = "é".encode("utf-8")
print(b, len(b))
