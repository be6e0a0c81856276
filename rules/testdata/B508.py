from pysnmp.hlapi import CommunityData

CommunityData("public", mpModel=0)  # want: B508
CommunityData("public", mpModel=1)  # want: B508

CommunityData("public", mpModel=2)
CommunityData("public")
