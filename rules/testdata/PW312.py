import os

SECRET_KEY = "k8#Qz!v2Lm9@Tn4Wb$3Yc6Zd"  # want: PW312
db_password = "Tr0ub4dor&3xQ9"  # want: PW312
client = Client(api_key="f3a9c2e7b41d8065ae92")  # want: PW312
settings = {"client_secret": "Zq4Lm8Rk2Vt9Wn3Bz7Yc"}  # want: PW312
config["auth_token"] = "9fK2mQ7xLp4RvT8w"  # want: PW312
access_key: str = "Lm2Qv9Tn4Wb8Yc3Z"  # want: PW312

SECRET_KEY = os.environ["SECRET_KEY"]
password = "changeme"
password = "your-password-here"
token_url = "https://auth.example.org/token"
api_key = "OPENAI_API_KEY"
secret = "${DB_SECRET}"
password = "<password>"
password_field = "Tr0ub4dor&3xQ9"
token = "access_token"
password = "aaaaaaaaaaaa"
PASSWORD_PROMPT = "Enter your password: "
SECRET_KEY = "AWSSecretKey"
ACL_CREDENTIALS = "Access-Control-Allow-Credentials"
