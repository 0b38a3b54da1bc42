flag = len("ab") > 5
if flag:
    late = 3
try:
    print(late)
except NameError as e:
    print("error:", e)

def pick(n: int) -> str:
    if n > 0:
        label = "pos"
    elif n < 0:
        label = "neg"
    try:
        return label
    except UnboundLocalError as e:
        return str(e)

print(pick(1), pick(-1), pick(0))
for k in range(3):
    if k == 1:
        found = k
print(found)
