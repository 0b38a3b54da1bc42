lines = ["id\tname\tscore", "1\tann\t90", "22\tbartholomew\t7", "333\tcy\t100"]
for tab in [8, 4, 12]:
    for line in lines:
        print(line.expandtabs(tab) + "|")
