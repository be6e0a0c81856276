connect(host, password="hunter2")  # want: B106
Client(api_token="abc")  # want: B106
login(
    user="bob",
    passwd="x",  # want: B106
)

connect(host, password=os.environ["PW"])
connect(host, user="admin")
connect(host, passwords="x")
connect(**{"password": "x"})
