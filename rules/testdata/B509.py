from pysnmp.hlapi import UsmUserData

UsmUserData("user")  # want: B509
UsmUserData("user", "authkey")  # want: B509

UsmUserData("user", "authkey", "privkey")
