import requests

HEADERS = {"Authorization": "Bearer 9f3a2c7e1b4d8065ae92c41f7b3d6e08"}  # want: PW314
requests.get("https://api.acme.net/v1", headers={"Authorization": "token Zt9fQw4Lr0VxJm2Kp8Ns6Hd3"})  # want: PW314
# curl -H "Authorization: Basic YWRtaW46cTdadDlmUXc0THIw" https://ci.acme.net/  # want: PW314

# Interpolations, placeholders and a Basic value that is not user:password.
HEADERS = {"Authorization": f"Bearer {token}"}
HEADERS = {"Authorization": "Bearer " + token}
HEADERS = {"Authorization": "Bearer <your-access-token-here>"}
HEADERS = {"Authorization": "Basic dXNlcm5hbWVwYXNzd29yZA"}
HEADERS = {"Authorization": "Bearer abcdefghijklmnopqrstuvwx"}
