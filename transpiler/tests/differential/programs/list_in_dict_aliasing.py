teams: dict[str, list[str]] = {"red": ["ann"], "blue": []}
red = teams["red"]
red.append("bob")
teams["blue"].append("cy")
print(teams)
everyone: list[list[str]] = [teams["red"], teams["blue"]]
everyone[1].append("dee")
print(teams["blue"], everyone)
teams["red"] = ["zed"]
print(red, teams["red"], everyone[0])
snapshot = list(teams["blue"])
teams["blue"].clear()
print(snapshot, teams)
