headers = {"PRIVATE-TOKEN": "glpat-Xq7Lm2Rk9Vt4Wn8Bz3Yc"}  # want: PW304

headers = {"PRIVATE-TOKEN": token}
EXAMPLE = "glpat-xxxxxxxxxxxxxxxxxxxx"
