AUTH = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWJvdCIsInJvbGUiOiJhZG1pbiJ9.Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2P"  # want: PW311

AUTH = "Bearer " + token
HEADER = "eyJhbGciOiJIUzI1NiJ9"
