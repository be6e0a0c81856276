pаssword = input()  # want: PW503


def ｈｅｌｌｏ():  # want: PW503
    pass


сору_file = 1  # want: PW503
Οrder = 2  # want: PW503
print(pаssword)

# Disguised as a builtin: PW112's.
ехес = exec

# Mathematics, names in one script, a ligature, a single letter.
ρ_water = 1000.0
dν = 0.1
ν0 = 1.0
café = 1
summe_сумма = 0
ﬁle = None
ℓmax = 10
Δt = 0.01
