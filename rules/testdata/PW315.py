URL = "https://api.acme.net/v1/items?api_key=9f3a2c7e1b4d8065ae92&page=2"  # want: PW315
FEED = "https://feeds.acme.net/export.csv?format=csv&access_token=Zt9fQw4Lr0VxJm2Kp8Ns6"  # want: PW315

# Interpolations, names that carry no credential, placeholders, short values.
URL = f"https://api.acme.net/v1/items?api_key={key}&page=2"
URL = "https://api.acme.net/v1/items?page=2&sort=created_at_desc"
URL = "https://api.acme.net/v1/items?token=YOUR_TOKEN_HERE"
URL = "https://api.acme.net/v1/items?token=abc123"
